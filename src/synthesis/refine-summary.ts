import { joinOutput } from '../capture/join-output.js';
import type { CompressOptions, ReduceResult } from '../compress/index.js';
import type { Discovery, OriginalText } from '../store/store.js';

/** The content reducer, passed in: `compress` from src/compress (tree-sitter included), loaded by the caller. */
export type Compress = (text: string, options: CompressOptions) => Promise<ReduceResult>;

export interface RefinedSummary {
  summary: string;
  summaryTokens: number;
  /** The reducer kind that made it (stored as the discovery's summary method). */
  method: string;
}

/** Kinds whose captured summary is a head-and-tail cut a content reducer does better. */
export const REFINABLE_KINDS = ['file', 'search', 'command', 'web', 'mcp'] as const;

/**
 * What the pool keeps of one item, spent on what matters. A code file gets about what a head-and-tail cut held,
 * as a skeleton: every export with its signature is what later agents look up. Measured in the session-pair
 * benchmark: 800 tokens saved 58% of the rediscovery tokens, 600 saved 65%, 400 saved 71% but cut signatures
 * (`export function name …`) and dropped exports of a 30-function module; 600 keeps them.
 */
const BUDGET_TOKENS: Record<string, number> = { file: 600, search: 300, command: 300, web: 400, mcp: 300 };

/**
 * A content-aware summary of a captured item, made from its original: a code file's skeleton (imports,
 * exports, types, signatures), a command's log collapsed by template with its errors and tail, a search
 * grouped by file, a page's sentences that match what was asked. Undefined when the reducer saves
 * nothing over the summary the hook already took.
 */
export async function refineSummary(discovery: Discovery, original: OriginalText, compress: Compress): Promise<RefinedSummary | undefined> {
  const budgetTokens = BUDGET_TOKENS[discovery.kind];
  if (budgetTokens === undefined) return undefined;
  const text = joinOutput(original);
  const hints = { toolName: discovery.toolName, ...(discovery.kind === 'command' ? { command: discovery.key } : {}) };
  const result = await compress(text, {
    budgetTokens,
    hints,
    ...(discovery.kind === 'file' ? { path: discovery.key } : {}),
    ...(discovery.kind === 'web' ? { query: discovery.key } : {}),
  });
  const summary = result.text.trim();
  if (summary.length === 0 || result.tokensAfter >= result.tokensBefore) return undefined;
  return { summary, summaryTokens: result.tokensAfter, method: result.kind };
}
