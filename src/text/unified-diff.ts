/** A unified diff of two texts, for the `--dry-run` and `--diff` output of install, uninstall and generate. */

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Past this many cells the table would cost too much memory; the diff then shows a full replacement.
const MAX_CELLS = 4_000_000;

// Longest common subsequence by dynamic programming: the files diffed here are small, and this keeps the code obvious.
function diffLines(before: string[], after: string[]): Op[] {
  const rows = before.length;
  const cols = after.length;
  if (rows * cols > MAX_CELLS) return [...before.map((line) => ({ kind: '-' as const, line })), ...after.map((line) => ({ kind: '+' as const, line }))];
  const table: Uint32Array[] = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i][j] = before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (before[i] === after[j]) {
      ops.push({ kind: ' ', line: before[i++] });
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      ops.push({ kind: '-', line: before[i++] });
    } else {
      ops.push({ kind: '+', line: after[j++] });
    }
  }
  while (i < rows) ops.push({ kind: '-', line: before[i++] });
  while (j < cols) ops.push({ kind: '+', line: after[j++] });
  return ops;
}

/**
 * Returns a unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around changes), or '' when the texts
 * are equal. `before` undefined means the file does not exist yet; `after` undefined means it is deleted.
 */
export function unifiedDiff(before: string | undefined, after: string | undefined, labels: { before: string; after: string }, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before ?? ''), splitLines(after ?? ''));
  const out = [`--- ${before === undefined ? '/dev/null' : labels.before}`, `+++ ${after === undefined ? '/dev/null' : labels.after}`];
  const changed = ops.map((op, index) => (op.kind !== ' ' ? index : -1)).filter((index) => index >= 0);
  if (changed.length === 0) {
    // Same lines, different bytes: only the final newline or line endings differ.
    out.push('@@ line endings or final newline differ @@');
    return `${out.join('\n')}\n`;
  }
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1] - changed[end] <= context * 2 + 1) end++;
    const from = Math.max(0, changed[start] - context);
    const to = Math.min(ops.length, changed[end] + context + 1);
    let beforeLine = 1;
    let afterLine = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') beforeLine++;
      if (op.kind !== '-') afterLine++;
    }
    const hunk = ops.slice(from, to);
    const beforeCount = hunk.filter((op) => op.kind !== '+').length;
    const afterCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${beforeCount === 0 ? beforeLine - 1 : beforeLine},${beforeCount} +${afterCount === 0 ? afterLine - 1 : afterLine},${afterCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.line.replace(/\r$/, '')}`);
    start = end + 1;
  }
  return `${out.join('\n')}\n`;
}
