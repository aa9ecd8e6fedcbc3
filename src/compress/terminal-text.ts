// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

const TRAILING_SPACE = /\s$/;
// The reducer and the faithfulness check both read the same output as lines: a megabyte is split once.
let last: { text: string; lines: readonly string[] } | undefined;

/**
 * Turns raw terminal output into the lines a person would see: ANSI codes removed, and for a
 * line redrawn with `\r` (progress bars, spinners) only its final state kept. The result is shared
 * with the next caller asking about the same text, hence read-only.
 */
export function terminalLines(text: string): readonly string[] {
  if (last?.text === text) return last.lines;
  const lines = (text.includes('\x1b') ? text.replace(ANSI, '') : text).split('\n');
  // In place: a megabyte of output is tens of thousands of lines, and most need nothing done.
  const redrawn = text.includes('\r');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (redrawn && line.includes('\r')) {
      const states = line.split('\r').filter((state) => state.trim() !== '');
      lines[i] = (states.at(-1) ?? '').trimEnd();
    } else if (line.length > 0 && TRAILING_SPACE.test(line)) lines[i] = line.trimEnd();
  }
  last = { text, lines };
  return lines;
}
