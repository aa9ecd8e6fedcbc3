/**
 * Identifier-aware tokenizer shared by the prose reducer and injection ranking. Code words carry
 * meaning in their parts (`getUserName` is about "user"), so a term list holds the whole word and
 * its parts: camelCase, snake_case, kebab-case, path segments and `file.ext` are split, and the
 * compound is kept as well so an exact mention scores higher than a loose one.
 */

// A word, optionally chained with separators that glue identifiers and paths together; and what splits
// `parseHTTPResponse2` into parse, HTTP, Response, 2. Built on first use: V8 builds a Unicode property
// class when the literal is evaluated (a fifth of a millisecond each), and most hooks never see non-ASCII text.
let unicodePatterns: { compound: RegExp; camelPart: RegExp } | undefined;
const unicode = () =>
  (unicodePatterns ??= {
    compound: /[\p{L}\p{N}_$]+(?:[./\\:#@-]+[\p{L}\p{N}_$]+)*/gu,
    camelPart: /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu,
  });
const SEPARATOR = /[./\\:#@_$-]+/;
// The same two patterns for ASCII text, which most code and tool output is: Unicode property classes
// are several times slower in V8, and the prompt hook tokenizes every candidate it ranks.
const ASCII_COMPOUND = /[A-Za-z0-9_$]+(?:[./\\:#@-]+[A-Za-z0-9_$]+)*/g;
const ASCII_CAMEL_PART = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
// Text that needs the Unicode patterns: anything beyond ASCII but the punctuation and symbol blocks that
// summaries and tool output are full of (dashes, quotes, bullets, …, arrows, box drawing, shapes, ✓),
// none of which holds a letter or a digit, so the ASCII patterns find the same words there.
const NEEDS_UNICODE = /[^\x00-\x7f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u2775]/;
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
  const camelPart = NON_ASCII.test(word) ? unicode().camelPart : ASCII_CAMEL_PART;
  for (const segment of word.split(SEPARATOR)) {
    if (segment === '') continue;
    const pieces = segment.match(camelPart) ?? [segment];
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
  // One `match` call returns every word as a plain string: cheaper than an `exec` match object per word.
  for (const word of text.match(NEEDS_UNICODE.test(text) ? unicode().compound : ASCII_COMPOUND) ?? []) {
    for (const term of termsOfWord(word)) terms.push(term);
  }
  return terms;
}

// Identifiers repeat across the documents ranked in one call: each word is split once.
const WORD_CACHE_SIZE = 20_000;
const wordCache = new Map<string, readonly string[]>();

/** A lower-case ASCII word has no parts: it is its own (only) term. Most words of prose and output are. */
const PLAIN_WORD = /^[a-z]+$/;

function termsOfWord(word: string): readonly string[] {
  const cached = wordCache.get(word);
  if (cached) return cached;
  if (PLAIN_WORD.test(word)) {
    const terms = word.length < 2 || STOPWORDS.has(word) ? [] : [word];
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    wordCache.set(word, terms);
    return terms;
  }
  const terms: string[] = [];
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
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  wordCache.set(word, terms);
  return terms;
}
