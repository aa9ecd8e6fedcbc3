/** Adding and removing ctxkit's store folder in a .gitignore, leaving every other byte alone. */

/** The .gitignore line for a store folder relative to the repository root (`.ctxkit` -> `.ctxkit/`). */
export function storeIgnoreLine(storeDir: string): string {
  const posix = storeDir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return `${posix}/`;
}

function normalize(line: string): string {
  return line.trim().replace(/^\//, '').replace(/\/+$/, '');
}

/** True when some line of the .gitignore already ignores exactly this folder (`x`, `x/`, `/x`, `/x/`). */
export function hasIgnoreLine(text: string, line: string): boolean {
  const wanted = normalize(line);
  return text.split(/\r?\n/).some((existing) => !existing.startsWith('#') && normalize(existing) === wanted);
}

export interface AddIgnoreResult {
  text: string;
  added: boolean;
  /** The file did not end with a newline, so one was added before the line (uninstall takes it away again). */
  addedLeadingNewline: boolean;
}

/** Appends `line` unless the folder is already ignored. `text` undefined: the file does not exist. */
export function addIgnoreLine(text: string | undefined, line: string): AddIgnoreResult {
  if (text === undefined) return { text: `${line}\n`, added: true, addedLeadingNewline: false };
  if (hasIgnoreLine(text, line)) return { text, added: false, addedLeadingNewline: false };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const addedLeadingNewline = text.length > 0 && !text.endsWith('\n');
  return { text: `${text}${addedLeadingNewline ? newline : ''}${line}${newline}`, added: true, addedLeadingNewline };
}

/**
 * Removes the last line that is exactly `line` (the one ctxkit appended), and the newline ctxkit added before it.
 * Returns the text unchanged when the line is gone.
 */
export function removeIgnoreLine(text: string, line: string, addedLeadingNewline = false): string {
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    if (lines[index].replace(/\r$/, '') !== line) continue;
    lines.splice(index, 1);
    let result = lines.join('\n');
    if (addedLeadingNewline && index === lines.length - 1 && lines[index] === '') {
      // The line was the last one and ctxkit had added the newline before it.
      result = result.replace(/\r?\n$/, '');
    }
    return result;
  }
  return text;
}
