/**
 * The only text a reducer adds to what it keeps. Every marker that carries a number has one of
 * these shapes, so tests and the LLM verifier can strip markers and check that each remaining
 * identifier, path and number comes from the input unchanged.
 */

/** A run of collapsed lines: `[×N]`. */
export function countMarker(count: number): string {
  return `[×${count}]`;
}

/** Dropped items of a list: `… N more` or `… N more of M`. */
export function moreMarker(count: number, total?: number): string {
  return total === undefined ? `… ${count} more` : `… ${count} more of ${total}`;
}

/** Dropped lines: `… N lines omitted`. */
export function linesOmitted(count: number): string {
  return `… ${count} line${count === 1 ? '' : 's'} omitted`;
}

/** A dropped string or token too long to keep whole: `… N chars`. */
export function charsOmitted(count: number): string {
  return `… ${count} chars`;
}

/** A value cut at the depth limit: `… N keys` (object) or `… N items` (array). */
export function collapsedMarker(count: number, what: 'keys' | 'items'): string {
  return `… ${count} ${what}`;
}

/** A count annotation on a group header: `(N)` or `(N files in M folders)`. */
export function countNote(count: number, folders?: number): string {
  return folders === undefined ? `(${count})` : `(${count} files in ${folders} folders)`;
}

/** Matches every marker above; used to strip them before checking kept tokens. */
export const MARKER_PATTERN = /\(\d+(?: files in \d+ folders)?\)|\[×\d+\]|… \d+ (?:more(?: of \d+)?|lines? omitted|chars|keys|items)/g;

/** Removes markers, leaving only text that came from the input. */
export function stripMarkers(text: string): string {
  return text.replace(MARKER_PATTERN, ' ');
}
