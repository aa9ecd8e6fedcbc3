// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/**
 * Turns raw terminal output into the lines a person would see: ANSI codes removed, and for a
 * line redrawn with `\r` (progress bars, spinners) only its final state kept.
 */
export function terminalLines(text: string): string[] {
  return text
    .replace(ANSI, '')
    .split('\n')
    .map((line) => {
      if (!line.includes('\r')) return line.trimEnd();
      const states = line.split('\r').filter((state) => state.trim() !== '');
      return (states.at(-1) ?? '').trimEnd();
    });
}
