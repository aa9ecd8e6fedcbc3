import { stripMarkers } from '../compress/markers.js';
import { terminalLines } from '../compress/terminal-text.js';

// Identifiers, paths and words (`0010-init.ts` included); runs of digits alone are ctxkit's counts as often as the source's.
const WORD = /[\w$][\w$.@/\\-]*/g;
const HAS_LETTER = /[A-Za-z_$]/;
// Words ctxkit itself writes into a reduced output (headers, group lines, markers).
const OWN_WORDS = new Set(
  'ctxkit left out lines of passing tests test and progress timing grouped finding findings by rule message at most locations each in file files more changed this one line per commit message body unchanged context chars omitted error warning note items keys Merge all'.split(' '),
);

function words(text: string, expandPaths = false): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    if (!HAS_LETTER.test(match[0])) continue;
    found.add(match[0]);
    // `src/a.ts:10` or `name.` at a sentence end: also the word without trailing punctuation.
    found.add(match[0].replace(/[.\-/\\]+$/, ''));
    if (!expandPaths || !/[/\\]/.test(match[0])) continue;
    // Listings regroup paths by folder, so every run of a path's segments is a word of the source.
    const parts = match[0].split(/[/\\]/).slice(0, 12);
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j <= parts.length; j++) found.add(parts.slice(i, j).join('/'));
  }
  return found;
}

/**
 * True when every identifier, path and word of a reduced text comes from the original (ctxkit's own
 * markers and header words aside): a reducer may drop and regroup, never invent or garble. The
 * last guard before a replacement; when it fails the model gets the original.
 */
export function isFaithful(original: string, reduced: string): boolean {
  const source = words(terminalLines(original).join('\n'), true);
  const kept = stripMarkers(reduced)
    .split('\n')
    .filter((line) => !line.startsWith('(ctxkit'))
    .join('\n');
  for (const word of words(kept)) {
    if (source.has(word) || OWN_WORDS.has(word)) continue;
    const bare = word.replace(/[.\-/\\]+$/, '');
    if (bare === '' || source.has(bare) || OWN_WORDS.has(bare)) continue;
    return false;
  }
  return true;
}
