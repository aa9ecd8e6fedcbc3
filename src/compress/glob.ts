import { estimateTokens } from '../tokens/estimate-tokens.js';
import { countNote } from './markers.js';
import type { ReduceOptions, ReduceResult } from './types.js';

const PATH_LINE = /^(?:[A-Za-z]:)?[^\s:]*[/\\]?[^\s/\\:]+$|^[^\s]+\.[\w-]+$/;

/** True when a line is one path (no spaces, no `file:line` suffix). */
export function isPathLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !/\s/.test(trimmed) && PATH_LINE.test(trimmed) && /[/\\.]/.test(trimmed);
}

function splitPath(path: string): { dir: string; name: string } {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash < 0 ? { dir: '', name: path } : { dir: path.slice(0, slash + 1), name: path.slice(slash + 1) };
}

/** The longest folder prefix (ending in a separator) shared by every folder. */
function commonFolder(dirs: readonly string[]): string {
  if (dirs.length === 0) return '';
  let prefix = dirs[0];
  for (const dir of dirs) {
    while (!dir.startsWith(prefix)) prefix = prefix.slice(0, Math.max(prefix.lastIndexOf('/', prefix.length - 2), prefix.lastIndexOf('\\', prefix.length - 2)) + 1);
  }
  return prefix;
}

/**
 * Glob reducer (file lists): groups paths by folder as `dir/ (N): a.ts, b.ts` and prints a
 * shared leading folder once. Every file name is kept, so the budget is not enforced; lines that
 * are not paths (notes, truncation messages) stay first, verbatim.
 */
export function reduceGlob(text: string, _options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const notes: string[] = [];
  const folders = new Map<string, string[]>();
  let files = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!isPathLine(line)) {
      notes.push(line);
      continue;
    }
    const { dir, name } = splitPath(line);
    const names = folders.get(dir) ?? [];
    if (names.length === 0) folders.set(dir, names);
    names.push(name);
    files++;
  }
  const dirs = [...folders.keys()];
  const root = folders.size > 1 ? commonFolder(dirs) : '';
  const out = [...notes];
  if (root !== '') out.push(`${root} ${countNote(files, folders.size)}`);
  for (const [dir, names] of folders) {
    const relative = dir.slice(root.length);
    if (names.length === 1) out.push(`${relative}${names[0]}`);
    else out.push(`${relative === '' ? './' : relative} ${countNote(names.length)}: ${names.join(', ')}`);
  }
  const reduced = out.join('\n');
  // Grouping only pays off with several files per folder; never return more than we got.
  const result = estimateTokens(reduced) < tokensBefore ? reduced : text.trim();
  return { text: result, kind: 'glob', tokensBefore, tokensAfter: estimateTokens(result) };
}
