import { reduceGlob } from '../../compress/glob.js';
import { terminalLines } from '../../compress/terminal-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import type { FamilyOptions, FamilyResult } from './family-result.js';

const LS_LONG = /^[-dlcbps][rwxsStT-]{9}[@+.]?\s+\d+\s+\S+\s+\S+\s+[\d,]+\s+\S+\s+\S+\s+\S+\s+(.+)$/;
const TREE = /^((?:[│|]\s{2,3}|\s{4})*)(?:[├└]──|[|`]--)\s(.+)$/;

/** Paths from `ls -l`, `ls -R`, `tree` and plain lists; lines that are not paths stay as notes. */
export function listingPaths(lines: readonly string[]): { paths: string[]; notes: string[] } {
  const paths: string[] = [];
  const notes: string[] = [];
  let folder = '';
  const treeStack: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    if (/^total \d+$/.test(line)) continue;
    const section = /^(\S.*):$/.exec(line); // ls -R
    if (section) {
      folder = section[1] === '.' ? '' : `${section[1].replace(/^\.\//, '')}/`;
      continue;
    }
    const long = LS_LONG.exec(line);
    if (long) {
      const name = long[1].replace(/ -> .*$/, '');
      if (name !== '.' && name !== '..') paths.push(`${folder}${name}`);
      continue;
    }
    const tree = TREE.exec(line);
    if (tree) {
      const depth = Math.round(tree[1].replace(/[│|]/g, ' ').length / 4);
      treeStack.length = depth;
      treeStack[depth] = tree[2];
      paths.push(treeStack.slice(0, depth + 1).join('/'));
      continue;
    }
    if (/^\S+(?:\s\S+)*$/.test(line) && !/\s/.test(line.trim())) paths.push(`${folder}${line.trim()}`);
    else if (folder !== '' && !/:\s/.test(line) && line.split(/\s{2,}/).length > 1) for (const name of line.trim().split(/\s{2,}/)) paths.push(`${folder}${name}`);
    else notes.push(line);
  }
  return { paths, notes };
}

/**
 * Listing reducer (ls, find, tree, fd, git ls-files, Glob): every path is kept, grouped by folder
 * as `dir/ (N): a, b`; lines that are not paths (errors, tree's summary) stay verbatim.
 */
export function reduceListing(text: string, _options: FamilyOptions = {}): FamilyResult {
  const { paths, notes } = listingPaths(terminalLines(text));
  const grouped = reduceGlob(paths.join('\n')).text;
  const body = [...notes, grouped].filter((part) => part !== '').join('\n');
  return { text: body, family: 'listing', tokensBefore: estimateRawTokens(text), tokensAfter: estimateTokens(body) };
}
