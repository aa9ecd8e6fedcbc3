/**
 * The lines ctxkit adds to a pre-commit hook, and how they go in and out of a file that may hold other
 * tools' lines (husky, a hand-written hook). Everything ctxkit writes sits between two marker lines,
 * so uninstall removes exactly that and leaves the rest byte for byte. Pure: text in, text out.
 */
export const BLOCK_START = '# >>> ctxkit >>>';
export const BLOCK_END = '# <<< ctxkit <<<';
/** Inside the block when ctxkit created the hook file: uninstall may then delete the file. */
const CREATED_MARK = '# ctxkit: created this file';
/** Inside the block when ctxkit had to end the user's last line with a newline: uninstall takes it back. */
const NEWLINE_MARK = '# ctxkit: added a final newline';
/** Inside the block when ctxkit had to make the user's hook executable for git to run it: uninstall undoes it. */
const EXECUTABLE_MARK = '# ctxkit: made this file executable';
const MARKS = [CREATED_MARK, NEWLINE_MARK, EXECUTABLE_MARK];

export const SKIP_VARIABLE = 'CTXKIT_SKIP_HOOKS';

export interface HookBlockOptions {
  /** argv that runs ctxkit, e.g. ['node', '/abs/bin/ctxkit.js']. */
  command: readonly string[];
  /** Root-relative templates folder: `ctxkit generate --check` runs when something under it is staged. */
  templatesDir: string;
}

/** Quotes one word for POSIX sh. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The block's lines without markers about how it was inserted. */
export function renderHookBody(options: HookBlockOptions): string[] {
  const run = options.command.map(shellQuote).join(' ');
  const files = options.command.filter((word) => word.startsWith('/'));
  const refused = `echo "ctxkit: commit refused; fix the findings above, or skip once with ${SKIP_VARIABLE}=1 git commit ..." >&2; exit 1;`;
  const checks = [
    `if git diff --cached --name-only -- ${shellQuote(`${options.templatesDir.replace(/\/+$/, '')}/`)} | grep -q .; then`,
    `  ${run} generate --check || { ${refused} }`,
    'fi',
    `${run} lint --staged || { ${refused} }`,
  ];
  const indent = (depth: number) => (line: string) => `${'  '.repeat(depth)}${line}`;
  const lines = [
    '# Added by ctxkit install --git-hook; ctxkit uninstall --git-hook removes this block.',
    `if [ "\${${SKIP_VARIABLE}:-}" != "1" ]; then`,
  ];
  if (files.length > 0) {
    // A moved or uninstalled ctxkit must not block every commit: warn and let the commit through.
    const test = files.map((file) => `[ -e ${shellQuote(file)} ]`).join(' && ');
    const missing = `echo "ctxkit: ${files.join(' ')} not found; skipping ctxkit checks (run ctxkit install --git-hook again)." >&2`;
    lines.push(...[`if ${test}; then`, ...checks.map(indent(1)), 'else', indent(1)(missing), 'fi'].map(indent(1)));
  } else {
    lines.push(...checks.map(indent(1)));
  }
  lines.push('fi');
  return lines;
}

export interface BlockLocation {
  start: number;
  end: number;
  created: boolean;
  addedNewline: boolean;
  madeExecutable: boolean;
  body: string[];
}

/** Finds ctxkit's block in hook text (line indexes of the markers), if present and well-formed. */
export function findHookBlock(text: string): BlockLocation | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === BLOCK_START);
  if (start === -1) return undefined;
  const end = lines.findIndex((line, index) => index > start && line.trimEnd() === BLOCK_END);
  if (end === -1) return undefined;
  const inner = lines.slice(start + 1, end);
  return {
    start,
    end,
    created: inner.includes(CREATED_MARK),
    addedNewline: inner.includes(NEWLINE_MARK),
    madeExecutable: inner.includes(EXECUTABLE_MARK),
    body: inner.filter((line) => !MARKS.includes(line)),
  };
}

/**
 * Puts the block into a hook file's text (undefined = no file yet). A new file gets a shebang; an
 * existing one gets the block at the end, or just before a final `exit` line so that it still runs.
 * An existing block is replaced in place.
 */
export function insertHookBlock(existing: string | undefined, body: readonly string[], options: { madeExecutable?: boolean } = {}): string {
  if (existing === undefined) return ['#!/bin/sh', BLOCK_START, CREATED_MARK, ...body, BLOCK_END, ''].join('\n');
  const found = findHookBlock(existing);
  if (found) {
    const lines = existing.split('\n');
    const marks = [
      ...(found.created ? [CREATED_MARK] : []),
      ...(found.addedNewline ? [NEWLINE_MARK] : []),
      ...(found.madeExecutable || options.madeExecutable ? [EXECUTABLE_MARK] : []),
    ];
    lines.splice(found.start, found.end - found.start + 1, BLOCK_START, ...marks, ...body, BLOCK_END);
    return lines.join('\n');
  }
  const addNewline = existing.length > 0 && !existing.endsWith('\n');
  const text = addNewline ? `${existing}\n` : existing;
  const lines = text.split('\n');
  // lines ends with '' (text ends with a newline, or is empty); insert before it or before a trailing `exit`.
  let at = lines.length - 1;
  let last = at - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  if (last >= 0 && /^\s*exit(\s+0)?\s*(#.*)?$/.test(lines[last])) at = last;
  const block = [BLOCK_START, ...(addNewline ? [NEWLINE_MARK] : []), ...(options.madeExecutable ? [EXECUTABLE_MARK] : []), ...body, BLOCK_END];
  lines.splice(at, 0, ...block);
  return lines.join('\n');
}

export interface RemovedBlock {
  /** The text without the block, exactly as it was before install. */
  text: string;
  /** True when ctxkit created the file and nothing but a shebang and blank lines remains. */
  isEmpty: boolean;
  /** True when install made the file executable: uninstall clears the execute bits again. */
  madeExecutable: boolean;
}

/** Takes ctxkit's block out of hook text; undefined when there is none. */
export function removeHookBlock(text: string): RemovedBlock | undefined {
  const found = findHookBlock(text);
  if (!found) return undefined;
  const lines = text.split('\n');
  lines.splice(found.start, found.end - found.start + 1);
  let result = lines.join('\n');
  if (found.addedNewline && result.endsWith('\n')) result = result.slice(0, -1);
  const rest = result.split('\n').filter((line, index) => line.trim() !== '' && !(index === 0 && line.startsWith('#!')));
  return { text: result, isEmpty: found.created && rest.length === 0, madeExecutable: found.madeExecutable };
}
