import { charsOmitted } from './markers.js';

/**
 * Shortens text to at most `maxChars` (plus a marker) by cutting at whitespace, so no kept token
 * is ever cut in half. Text with no whitespace early enough is dropped whole and only its length
 * is kept: a partial hash, path or identifier would be worse than none.
 */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const window = text.slice(0, maxChars + 1);
  const cut = window.search(/\s\S*$/);
  if (cut <= 0) return charsOmitted(text.length);
  return `${text.slice(0, cut).trimEnd()} ${charsOmitted(text.length - cut)}`;
}
