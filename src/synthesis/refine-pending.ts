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
