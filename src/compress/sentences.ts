// A period after these words ends an abbreviation, not a sentence.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'no', 'fig', 'approx', 'incl', 'resp']);

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` followed by space and a capital, digit,
 * quote or code mark. Dots inside `file.ext`, `v1.2` or `a.b()` have no space after them and
 * are never split; common abbreviations are skipped.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["')\]]*\s+(?=[\p{Lu}\p{N}"'`(\[*_])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = paragraph.slice(start, match.index + 1);
    const lastWord = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}
