import { isAbsolute, join } from 'node:path';
import { gitBlobHash } from '../capture/git-blob-hash.js';
import { recordToUsageRow } from '../stats/usage-row.js';
import type { Discovery, RankingTerms, Store } from '../store/store.js';
import { pathsToCheck, type CurrentHashes } from './decide-freshness.js';
import { budgetCalibration } from './calibration.js';
import { preselectTerms } from './preselect-terms.js';
import { discoveryTerms, rankCandidates } from './rank-candidates.js';
import { selectContext, type Audience, type Selection } from './select-context.js';

/** What injection needs from its surroundings (a subset of the hook deps; the CLI builds the same). */
export interface InjectDeps {
  root: string;
  now: () => number;
  store: () => Promise<Store>;
  readFile: (path: string, maxBytes: number) => Buffer | undefined;
}

export interface InjectRequest {
  query: string;
  audience: Audience;
  budgetTokens: number;
  minScore: number;
  /** Leave out what this session found (it is in the conversation already). */
  excludeSessionId?: string;
  /** Leave out what this agent found. */
  excludeAgentId?: string;
  /** Per-conversation memory (store state key) of ids already given; read always, written when `commit`. */
  memoryKey?: string;
  /**
   * Record the injection: memory, use counts, a usage row; with `countPrompt`, the prompt too (in the same
   * transaction). Off for `ctxkit context`.
   */
  commit?: { sessionId: string; agentId?: string; hookEvent: string; agentType?: string; countPrompt?: boolean };
}

export interface Injection extends Selection {
  /** Candidates FTS5 pre-selected, before ranking. */
  candidates: number;
  /** True when the `commit` write happened (and counted the prompt, with `countPrompt`). */
  committed?: boolean;
}

/** Files larger than this are not hashed for the freshness check (their summaries are dropped). */
const MAX_HASH_BYTES = 16 * 1024 * 1024;
/**
 * FTS5 pre-selection size, and the recent sample that gives BM25 its term statistics. A block holds a handful of
 * items, and FTS5's own ranking puts them in its first sixty; halving both from 120 and 100 left the session-pair
 * savings as they were (65%) and cut the prompt hook's ranking work in half.
 */
const PRESELECT = 60;
const BACKGROUND = 50;
/** Only the best-ranked few are checked against disk. */
const CHECK_TOP = 24;
/** Kinds that are never injected: edits are diffs of files whose current text is what matters. */
const NEVER_INJECTED = new Set(['edit']);
/** Derived items are re-checked by their sources, so the store's stale flag does not drop them. */
const DERIVED = new Set(['agent-report', 'compaction']);

/** State key of what a conversation (a session's main thread, or one subagent) was already given. */
export function injectedStateKey(sessionId: string, agentId?: string): string {
  return agentId ? `session:${sessionId}:agent:${agentId}:injected` : `session:${sessionId}:injected`;
}

/** Current git blob hash of each path (project-relative or absolute), `null` when the file is gone. */
export function hashFiles(paths: Iterable<string>, root: string, readFile: InjectDeps['readFile']): Map<string, string | null> {
  const hashes = new Map<string, string | null>();
  for (const path of paths) {
    if (hashes.has(path)) continue;
    const bytes = readFile(isAbsolute(path) ? path : join(root, path), MAX_HASH_BYTES);
    hashes.set(path, bytes ? gitBlobHash(bytes) : null);
  }
  return hashes;
}

async function readMemory(store: Store, key: string | undefined): Promise<Set<number>> {
  if (!key) return new Set();
  const text = await store.getState(key);
  if (!text) return new Set();
  try {
    const ids = JSON.parse(text) as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : []);
  } catch {
    return new Set();
  }
}

/**
 * Selects what to inject for a query: FTS5 pre-selects candidates (so the cost stays flat as the
 * pool grows), BM25 with recency and use ranks them, the best few are re-checked against the files
 * on disk (a changed file's old summary is marked stale and never injected), and the block is
 * packed under the budget. With `commit`, remembers what this conversation got and records usage.
 */
export async function injectContext(request: InjectRequest, deps: InjectDeps): Promise<Injection> {
  const empty: Injection = { tokens: 0, items: [], dropped: [], coveredFiles: [], candidates: 0 };
  const terms = preselectTerms(request.query);
  if (request.budgetTokens <= 0 || terms.length === 0) return empty;
  const store = await deps.store();
  const now = deps.now();
  const usable = (discovery: Discovery) =>
    !NEVER_INJECTED.has(discovery.kind) &&
    (!discovery.stale || DERIVED.has(discovery.kind)) &&
    discovery.sessionId !== request.excludeSessionId &&
    (request.excludeAgentId === undefined || discovery.agentId !== request.excludeAgentId);
  const matched = (await store.find({ text: terms.join(' '), includeStale: true, limit: PRESELECT })).filter(usable);
  if (matched.length === 0) return empty;
  const matchedIds = new Set(matched.map((discovery) => discovery.id));
  const background = (await store.find({ limit: BACKGROUND })).filter((discovery) => !matchedIds.has(discovery.id));
  const candidates = [...matched, ...background];
  // Terms are kept in the store once computed: a cold process tokenizes a few KB per millisecond or two.
  const kept = await store.rankingTerms(candidates.map((discovery) => discovery.id));
  const computed = new Map<number, RankingTerms>();
  const termsOf = (discovery: Discovery) => {
    const known = kept.get(discovery.id);
    if (known) return known;
    const terms = discoveryTerms(discovery);
    computed.set(discovery.id, { terms, summary: discovery.summary });
    return terms;
  };
  const ranked = rankCandidates(request.query, candidates, {
    now,
    minScore: request.minScore,
    backgroundOnly: new Set(background.map((discovery) => discovery.id)),
    termsOf,
  });
  const top = ranked.slice(0, CHECK_TOP);
  const hashes: CurrentHashes = hashFiles(
    top.flatMap((candidate) => pathsToCheck(candidate.discovery)),
    deps.root,
    deps.readFile,
  );
  // Packed by ctxkit's estimate: a budget in real tokens becomes the estimate that fits it, once transcripts have calibrated it.
  const budgetTokens = Math.floor(request.budgetTokens / (await budgetCalibration(store)));
  const alreadyInjected = await readMemory(store, request.memoryKey);
  const selection = selectContext({ ranked: top, hashes, now, budgetTokens, alreadyInjected, audience: request.audience });

  // A file found changed on disk is marked stale for everyone (and the reports that relied on it).
  for (const { discovery } of selection.dropped) {
    if (discovery.kind !== 'file' || discovery.stale) continue;
    const current = hashes.get(discovery.key);
    if (current !== undefined && current !== discovery.contentHash) await store.markStale({ path: discovery.key, currentHash: current ?? undefined, at: now });
  }
  if (!request.commit) return { ...selection, candidates: matched.length };
  // One write for everything this injection leaves: the block given (memory, uses, usage), the prompt
  // counted, the terms computed. Without a block and without anything else to keep, none at all.
  const { sessionId, agentId, hookEvent, agentType, countPrompt } = request.commit;
  const ids = selection.block ? selection.items.map((item) => item.discovery.id) : [];
  if (!selection.block && !countPrompt && computed.size === 0) return { ...selection, candidates: matched.length };
  await store.recordInjection({
    at: now,
    usedIds: ids,
    usage: selection.block ? [recordToUsageRow({ kind: 'injection', sessionId, tokens: selection.tokens, at: now, hookEvent, ...(agentType ? { agentType } : {}) }, now, agentId)] : [],
    ...(selection.block && request.memoryKey ? { memory: { key: request.memoryKey, ids: [...alreadyInjected, ...ids].slice(-1000) } } : {}),
    ...(countPrompt ? { promptOf: sessionId } : {}),
    terms: computed,
  });
  return { ...selection, candidates: matched.length, committed: true };
}
