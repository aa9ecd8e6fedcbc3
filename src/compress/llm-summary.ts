import { estimateTokens } from '../tokens/estimate-tokens.js';
import { findUnsupportedFacts } from './fact-tokens.js';
import type { LlmSettings } from './llm-settings.js';
import type { ContentKind, ReduceResult } from './types.js';

export { llmSettings, type LlmSettings } from './llm-settings.js';

export interface LlmSummaryOptions extends LlmSettings {
  /** The offline reduction: shown to the model as a guide and returned when the summary is rejected. */
  extractive: ReduceResult;
  query?: string;
  /** Most tokens the summary may take (default: the extractive result's size). */
  budgetTokens?: number;
  timeoutMs?: number;
}

export interface LlmSummaryResult extends ReduceResult {
  /** `llm` when the model's summary passed the checks, `extractive` when it was rejected or failed. */
  source: 'llm' | 'extractive';
  /** Why the summary was not used. */
  rejectedBecause?: string;
  /** Identifiers, paths or numbers the summary named that the source does not contain. */
  unsupported?: string[];
  /** What the model call cost, as the API counted it (absent when no call was answered). */
  usage?: { inputTokens: number; outputTokens: number };
}

/** Longest source text sent whole; longer sources are sent as their extractive reduction. */
const MAX_SOURCE_CHARS = 60_000;

const SYSTEM = [
  'You compress developer tool output (code, logs, JSON, docs, search results, agent reports) for another AI coding agent.',
  'Write a short, factual summary of what matters: errors and their causes, file paths, names, results.',
  'Keep identifiers, file paths, error codes and numbers verbatim, character for character.',
  'Never add a name, path, number or fact that is not in the input. No preamble.',
].join(' ');

function fallback(options: LlmSummaryOptions, rejectedBecause: string, unsupported?: string[], usage?: LlmSummaryResult['usage']): LlmSummaryResult {
  return { ...options.extractive, source: 'extractive', rejectedBecause, ...(unsupported ? { unsupported } : {}), ...(usage ? { usage } : {}) };
}

function buildPrompt(text: string, kind: ContentKind, options: LlmSummaryOptions, budget: number): string {
  const source = text.length <= MAX_SOURCE_CHARS ? text : options.extractive.text;
  return [
    `Content kind: ${kind}.`,
    options.query ? `The reader is looking for: ${options.query}` : '',
    `Summarize in at most ${budget} tokens.`,
    '<input>',
    source,
    '</input>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Asks the model for a summary that keeps identifiers verbatim, then verifies it: a summary that
 * names an identifier, path or number absent from the source, or that is longer than allowed, is
 * rejected and the extractive reduction is returned instead. Network or API failures also fall
 * back; this function does not throw for them.
 */
export async function summarizeWithLlm(text: string, options: LlmSummaryOptions): Promise<LlmSummaryResult> {
  const kind = options.extractive.kind;
  const budget = options.budgetTokens ?? Math.max(64, options.extractive.tokensAfter);
  let summary: string;
  let usage: LlmSummaryResult['usage'];
  try {
    const { default: Anthropic } = await import('@anthropic-ai/sdk');
    const client = new Anthropic({
      apiKey: options.apiKey,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      maxRetries: 0,
      timeout: options.timeoutMs ?? 30_000,
    });
    const message = await client.messages.create({
      model: options.model,
      max_tokens: Math.max(64, Math.ceil(budget * 1.5)),
      system: SYSTEM,
      messages: [{ role: 'user', content: buildPrompt(text, kind, options, budget) }],
    });
    summary = message.content
      .map((block) => (block.type === 'text' ? block.text : ''))
      .join('')
      .trim();
    usage = { inputTokens: message.usage?.input_tokens ?? 0, outputTokens: message.usage?.output_tokens ?? 0 };
  } catch (error) {
    return fallback(options, `model request failed: ${(error as Error).message}`);
  }
  if (summary === '') return fallback(options, 'empty summary', undefined, usage);
  const unsupported = findUnsupportedFacts(summary, text);
  if (unsupported.length > 0) return fallback(options, 'summary names facts absent from the source', unsupported, usage);
  const tokensAfter = estimateTokens(summary);
  if (tokensAfter > budget * 1.2) return fallback(options, `summary too long (${tokensAfter} tokens, budget ${budget})`, undefined, usage);
  return { text: summary, kind, tokensBefore: options.extractive.tokensBefore, tokensAfter, source: 'llm', ...(usage ? { usage } : {}) };
}
