import { joinOutput } from '../capture/join-output.js';
import type { ContentKind } from '../compress/types.js';
import { recordToUsageRow } from '../stats/usage-row.js';
import type { Store } from '../store/store.js';
import { REFINABLE_KINDS, refineSummary, type Compress } from './refine-summary.js';

export interface RefineOptions {
  /** Loads the content reducers; called only when something waits to be refined. */
  loadCompress: () => Promise<Compress>;
  /** At most this many items per call. */
  limit: number;
  /** Stop starting new items after this time (epoch ms): the caller is a hook with a timeout. */
  deadline: number;
  now: () => number;
}

/**
 * Replaces the head-and-tail summaries hooks took at capture with content-aware ones (see
 * refineSummary), newest first, within a time limit; what is left waits for the next call. An item
 * the reducer cannot improve keeps its summary and is marked `cut`, so it is not tried again.
 */
export async function refinePending(store: Store, options: RefineOptions): Promise<{ refined: number; kept: number; pending: boolean }> {
  const waiting = await store.listUnrefined({ kinds: REFINABLE_KINDS, limit: options.limit });
  if (waiting.length === 0) return { refined: 0, kept: 0, pending: false };
  const compress = await options.loadCompress();
  let refined = 0;
  let kept = 0;
  for (const { discovery, original } of waiting) {
    if (options.now() > options.deadline) return { refined, kept, pending: true };
    const better = await refineSummary(discovery, original, compress);
    if (better) refined++;
    else kept++;
    await store.setSummary(discovery.id, better ?? { summary: discovery.summary, summaryTokens: discovery.summaryTokens, method: 'cut' });
  }
  return { refined, kept, pending: waiting.length === options.limit };
}

/** Summary methods of items the model has already seen: a model summary, or one it could not improve. */
export const MODEL_METHODS = ['llm', 'llm-rejected'] as const;

/** How each kind of item is described to the model. */
const MODEL_KIND: Record<string, ContentKind> = { file: 'code', command: 'log', search: 'grep', web: 'markdown', mcp: 'json' };

/** A model summary of one original, checked against it (src/compress/llm-summary.ts, with the settings bound). */
export type ModelSummarize = (
  text: string,
  extractive: { text: string; kind: ContentKind; tokensBefore: number; tokensAfter: number },
) => Promise<{ text: string; tokensAfter: number; source: 'llm' | 'extractive'; usage?: { inputTokens: number; outputTokens: number } }>;

/**
 * Replaces summaries with model-written ones (the optional `llm` mode), newest first, never on a hook's path:
 * `ctxkit refine --llm` runs it, by hand or started detached by SessionStart. A model summary that names a fact
 * absent from the original was already rejected by the summarizer; then the extractive summary stays and the
 * item is marked so it is not sent again. Every answered call is recorded as ctxkit's own cost.
 */
export async function refineWithModel(store: Store, options: { summarize: ModelSummarize; limit: number; now: () => number }): Promise<{ refined: number; rejected: number }> {
  const waiting = await store.listUnrefined({ kinds: REFINABLE_KINDS, limit: options.limit, exceptMethods: MODEL_METHODS });
  let refined = 0;
  let rejected = 0;
  for (const { discovery, original } of waiting) {
    const text = joinOutput(original);
    const kind = MODEL_KIND[discovery.kind] ?? 'text';
    const result = await options.summarize(text, { text: discovery.summary, kind, tokensBefore: discovery.rawTokens, tokensAfter: discovery.summaryTokens });
    if (result.usage) {
      const at = options.now();
      await store.addUsage([recordToUsageRow({ kind: 'llm-summary', sessionId: discovery.sessionId, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens, at }, at)]);
    }
    if (result.source === 'llm') {
      refined++;
      await store.setSummary(discovery.id, { summary: result.text, summaryTokens: result.tokensAfter, method: 'llm' });
    } else {
      rejected++;
      await store.setSummary(discovery.id, { summary: discovery.summary, summaryTokens: discovery.summaryTokens, method: 'llm-rejected' });
    }
  }
  return { refined, rejected };
}
