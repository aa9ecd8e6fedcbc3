import { estimateTokens } from './estimate-tokens.js';

const SAMPLE_CHARS = 16 * 1024;

/**
 * Token estimate of a raw tool output within a fixed cost: texts up to 64 K characters are counted
 * whole; longer ones by three 16 K samples (head, middle, tail) scaled to the full length. Tool
 * outputs are repetitive (logs, listings, code), so the samples land within a few percent, and a
 * 10 MB output costs the hook no more than a 48 KB one.
 */
export function estimateRawTokens(text: string): number {
  if (text.length <= SAMPLE_CHARS * 4) return estimateTokens(text);
  const middle = Math.floor(text.length / 2 - SAMPLE_CHARS / 2);
  const sample = text.slice(0, SAMPLE_CHARS) + text.slice(middle, middle + SAMPLE_CHARS) + text.slice(text.length - SAMPLE_CHARS);
  return Math.round((estimateTokens(sample) * text.length) / sample.length);
}
