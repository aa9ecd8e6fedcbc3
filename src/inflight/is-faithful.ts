import { stripMarkers } from '../compress/markers.js';
import { terminalLines } from '../compress/terminal-text.js';

// Identifiers, paths and words (`0010-init.ts` included); runs of digits alone are ctxkit's counts as often as the source's.
const WORD = /[\w$][\w$.@/\\-]*/g;
const HAS_LETTER = /[A-Za-z_$]/;
// Words ctxkit itself writes into a reduced output (headers, group lines, markers).
const OWN_WORDS = new Set(
  'ctxkit left out lines of passing tests test and progress timing grouped finding findings by rule message at most locations each in file files more changed this one line per commit message body unchanged context chars omitted error warning note items keys Merge all'.split(' '),
);

function words(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    if (!HAS_LETTER.test(match[0])) continue;
    found.add(match[0]);
    // `src/a.ts:10` or `name.` at a sentence end: also the word without trailing punctuation.
    found.add(match[0].replace(/[.\-/\\]+$/, ''));
  }
  return found;
}

/**
 * True when every identifier, path and word of a reduced text comes from the original (ctxkit's own
 * markers and header words aside): a reducer may drop and regroup, never invent or garble. The
 * last guard before a replacement; when it fails the model gets the original.
 */
export function isFaithful(original: string, reduced: string): boolean {
  const source = terminalLines(original);
  // Most kept lines are lines of the original, whole: only the others (regrouped, counted) are checked word by
  // word. The reduced lines (few) are looked up while the original's (many) are read once.
  const kept = stripMarkers(reduced)
    .split('\n')
    .filter((line) => !line.startsWith('(ctxkit'))
    .map((line) => line.trim());
  const unmatched = new Set(kept);
  for (const line of source) {
    if (unmatched.size === 0) break;
    unmatched.delete(line.trim());
  }
  const rewritten = kept.filter((line) => unmatched.has(line)).join('\n');
  // The words of those lines (few) are looked up in one pass over the original (large).
  const needed = new Set<string>();
  for (const word of words(rewritten)) {
    const bare = word.replace(/[.\-/\\]+$/, '');
    if (!OWN_WORDS.has(word) && bare !== '' && !OWN_WORDS.has(bare)) needed.add(bare);
  }
  if (needed.size === 0) return true;
  // Listings regroup paths by folder: `dir` may stand for the middle of `src/dir/a.ts`, so a path
  // separator is a boundary like any other; a cut identifier (`estimateToken`) is not.
  // Plain text (no escape codes, no carriage returns) reads the same as its terminal lines, word for word.
  return occurAllWhole(original.includes('\x1b') || original.includes('\r') ? source.join('\n') : original, needed);
}

const WORD_CHAR = /[\w$]/;

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/**
 * True when each word occurs in `source` with no word character on either side. One pass over the
 * source's maximal runs of word characters: every needed word starts with one (see WORD), so a whole
 * occurrence starts where such a run does. (A search per word would rescan a 1 MB output hundreds of
 * times.) A run becomes a string only when a word with a first run of that length is still missing.
 */
function occurAllWhole(source: string, needed: Set<string>): boolean {
  // Pending words by their first run; a run length with nothing pending left is skipped without slicing.
  const byFirstRun = new Map<string, string[]>();
  const pendingRunsOfLength = new Map<number, number>();
  for (const word of needed) {
    const first = /^[\w$]+/.exec(word)?.[0] ?? word;
    const words = byFirstRun.get(first);
    if (words) words.push(word);
    else {
      byFirstRun.set(first, [word]);
      pendingRunsOfLength.set(first.length, (pendingRunsOfLength.get(first.length) ?? 0) + 1);
    }
  }
  for (let i = 0; i < source.length; ) {
    if (!isWordCode(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < source.length && isWordCode(source.charCodeAt(i))) i++;
    if (!pendingRunsOfLength.get(i - start)) continue;
    const run = source.slice(start, i);
    const words = byFirstRun.get(run);
    if (!words) continue;
    const left = words.filter((word) => !(source.startsWith(word, start) && !WORD_CHAR.test(source[start + word.length] ?? ' ')));
    if (left.length > 0) {
      byFirstRun.set(run, left);
      continue;
    }
    byFirstRun.delete(run);
    pendingRunsOfLength.set(run.length, pendingRunsOfLength.get(run.length)! - 1);
    if (byFirstRun.size === 0) return true;
  }
  return false;
}
