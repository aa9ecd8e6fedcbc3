/**
 * Identifier-aware tokenizer shared by the prose reducer and injection ranking. Code words carry
 * meaning in their parts (`getUserName` is about "user"), so a term list holds the whole word and
 * its parts: camelCase, snake_case, kebab-case, path segments and `file.ext` are split, and the
 * compound is kept as well so an exact mention scores higher than a loose one.
 */

// A word, optionally chained with separators that glue identifiers and paths together.
const COMPOUND = /[\p{L}\p{N}_$]+(?:[./\\:#@-]+[\p{L}\p{N}_$]+)*/gu;
const SEPARATOR = /[./\\:#@_$-]+/;
// Splits `parseHTTPResponse2` into parse, HTTP, Response, 2.
const CAMEL_PART = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu;
// Error codes such as TS2345, E0308 or ERR_X123 are looked up whole.
const ERROR_CODE = /^(?:[A-Z]{1,5}\d{2,}|[A-Z]+_[A-Z0-9_]+)$/;

const STOPWORDS = new Set(
  'a an and are as at be but by for from has have if in into is it its of on or that the their then there these this to was were will with'.split(
    ' ',
  ),
);

/** Splits one identifier into its lower-cased parts (`getUserID` → get, user, id). */
export function splitIdentifier(word: string): string[] {
  const parts: string[] = [];
  for (const segment of word.split(SEPARATOR)) {
    if (segment === '') continue;
    const pieces = segment.match(CAMEL_PART) ?? [segment];
    for (const piece of pieces) parts.push(piece.toLowerCase());
  }
  return parts;
}

/**
 * Turns text into search terms: every compound word lower-cased, plus its identifier parts.
 * Stopwords and one-letter parts are dropped; error codes and numbers are kept.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  COMPOUND.lastIndex = 0;
  for (let match = COMPOUND.exec(text); match !== null; match = COMPOUND.exec(text)) {
    const word = match[0];
    const whole = word.toLowerCase();
    const parts = splitIdentifier(word);
    const isCompound = parts.length > 1 || ERROR_CODE.test(word);
    if (isCompound && !STOPWORDS.has(whole)) terms.push(whole);
    for (const part of parts) {
      if (STOPWORDS.has(part)) continue;
      if (part.length < 2 && !/\d/.test(part)) continue;
      if (isCompound && part === whole) continue;
      terms.push(part);
    }
  }
  return terms;
}
