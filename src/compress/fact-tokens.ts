import { stripMarkers } from './markers.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

/**
 * Fact-like tokens: the words a reader acts on and a summary must never invent or bend —
 * identifiers (camelCase, snake_case, dotted), paths, error codes and numbers.
 */
const COMPOUND = /[\p{L}\p{N}_$]+(?:[./\\:-]+[\p{L}\p{N}_$]+)*/gu;

function isFactLike(token: string): boolean {
  if (/\d/.test(token)) return token.replace(/\D/g, '').length >= 2 || /[A-Za-z]/.test(token);
  if (/[_$/\\]/.test(token)) return true;
  if (/\p{Ll}\p{Lu}/u.test(token)) return true;
  return /\p{L}[.:]+\p{L}/u.test(token) && !/^\p{Lu}?\p{Ll}+$/u.test(token);
}

/** Lists the fact-like tokens of a text, in order of appearance, without duplicates. */
export function extractFactTokens(text: string): string[] {
  const found = new Set<string>();
  for (const match of stripMarkers(text).matchAll(COMPOUND)) {
    if (isFactLike(match[0])) found.add(match[0]);
  }
  return [...found];
}

/** True when `token` occurs in `source` as a whole token (not inside a longer word or number). */
export function containsToken(source: string, token: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(token)}(?![\\p{L}\\p{N}_$])`, 'u').test(source);
}

/**
 * Fact-like tokens of `derived` that do not occur whole in `source`: a garbled or invented
 * identifier, path or number. Markers (`[×N]`, `… N more`) are ignored.
 */
export function findUnsupportedFacts(derived: string, source: string): string[] {
  return extractFactTokens(derived).filter((token) => !containsToken(source, token));
}
