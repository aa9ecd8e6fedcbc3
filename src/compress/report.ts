import { estimateTokens } from '../tokens/estimate-tokens.js';
import { reduceMarkdown } from './markdown.js';
import type { ReduceOptions, ReduceResult } from './types.js';

/** Reports up to this size are kept whole when no budget is given. */
const WHOLE_REPORT_TOKENS = 2000;

/**
 * Subagent-report reducer: a report is the distilled work of a whole agent, so it is kept whole
 * (blank-line runs squeezed) when it fits the budget, and reduced like prose when it does not.
 */
export function reduceReport(text: string, options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const squeezed = text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  const limit = options.budgetTokens ?? WHOLE_REPORT_TOKENS;
  if (estimateTokens(squeezed) <= limit) {
    return { text: squeezed, kind: 'report', tokensBefore, tokensAfter: estimateTokens(squeezed) };
  }
  return { ...reduceMarkdown(squeezed, { ...options, budgetTokens: limit }), kind: 'report', tokensBefore };
}
