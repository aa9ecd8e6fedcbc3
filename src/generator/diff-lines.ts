type Op = { type: ' ' | '-' | '+'; text: string };

// Past this many cells the table would cost too much memory; the diff then shows a full replacement.
const MAX_CELLS = 4_000_000;

function splitForDiff(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function editScript(before: string[], after: string[]): Op[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS) return [...before.map((text) => ({ type: '-' as const, text })), ...after.map((text) => ({ type: '+' as const, text }))];
  // Longest common subsequence lengths of the suffixes, then one walk from the front.
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ type: ' ', text: before[i] });
      i++;
      j++;
    } else if (i < n && (j === m || table[i + 1][j] >= table[i][j + 1])) {
      ops.push({ type: '-', text: before[i++] });
    } else {
      ops.push({ type: '+', text: after[j++] });
    }
  }
  return ops;
}

/** A unified diff (`---`/`+++`/`@@` hunks, 3 lines of context) between two texts; empty when equal. */
export function diffLines(before: string, after: string, label: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(splitForDiff(before), splitForDiff(after));
  const changed = ops.map((op, index) => (op.type !== ' ' ? index : -1)).filter((index) => index >= 0);
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(ops.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else hunks.push([start, end]);
  }
  const out = [`--- ${before === '' ? '/dev/null' : `a/${label}`}`, `+++ ${after === '' ? '/dev/null' : `b/${label}`}`];
  for (const [start, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, start)) {
      if (op.type !== '+') oldLine++;
      if (op.type !== '-') newLine++;
    }
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.type !== '+').length;
    const newCount = slice.filter((op) => op.type !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`);
    for (const op of slice) out.push(`${op.type}${op.text}`);
  }
  return `${out.join('\n')}\n`;
}
