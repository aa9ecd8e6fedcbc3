import { estimateTokens } from '../tokens/estimate-tokens.js';

/**
 * Budget for selection reducers (prose, text) when the caller gives none: a quarter of the
 * input, never below 500 tokens, so short texts pass unchanged.
 */
export function defaultBudget(text: string): number {
  return Math.max(500, Math.ceil(estimateTokens(text) / 4));
}
