import type { Discovery } from '../store/store.js';
import { createBm25Index } from '../text/bm25.js';
import { tokenize } from '../text/tokenize.js';

/** A stored item with how well it answers the query. */
export interface RankedCandidate {
  discovery: Discovery;
  /** BM25 relevance to the query (identifier-aware terms); `inject.minScore` applies to this. */
  relevance: number;
  /** Relevance weighted by recency, use and kind: the order items are packed in. */
  score: number;
}

export interface RankOptions {
  /** Epoch milliseconds (passed in: the core never reads the clock). */
  now: number;
  /** Items whose relevance is below this are left out (`inject.minScore`). */
  minScore: number;
  /** Ids that only provide term statistics (a recent sample of the pool), never results. */
  backgroundOnly?: ReadonlySet<number>;
  /** Recency half-life in hours (default 72): a week-old item keeps about a fifth of its recency bonus. */
  halfLifeHours?: number;
  /** The terms of a candidate, where the caller keeps them (the store does); by default `discoveryTerms`. */
  termsOf?: (discovery: Discovery) => readonly string[];
}

// Reports and compaction summaries are conclusions drawn from many reads: worth more per token.
const KIND_WEIGHT: Record<string, number> = { 'agent-report': 1.3, compaction: 1.1, file: 1, search: 0.8, command: 0.8, web: 0.9, mcp: 0.8 };

/** The terms a discovery is found by: its key twice (a path or pattern says most), then its summary and task. */
export function discoveryTerms(discovery: Discovery): string[] {
  const key = tokenize(discovery.key);
  return [...key, ...key, ...tokenize(discovery.summary), ...(discovery.handoff ? tokenize(discovery.handoff.task) : [])];
}

/** Below this many documents, IDF says little (in a pool of one, every term is "common"). */
const MIN_CORPUS = 32;
const FILLER_TERM = '\u0000';

/**
 * Pads a small corpus with neutral filler documents of average length, so a young pool with a
 * handful of items scores a matching term the way a grown pool would, and `minScore` keeps one
 * meaning. Filler documents come last and are never results.
 */
function padCorpus(documents: ReadonlyArray<readonly string[]>): ReadonlyArray<readonly string[]> {
  if (documents.length >= MIN_CORPUS) return documents;
  const total = documents.reduce((sum, terms) => sum + terms.length, 0);
  const filler = new Array<string>(Math.max(1, Math.round(total / Math.max(1, documents.length)))).fill(FILLER_TERM);
  return [...documents, ...new Array<string[]>(MIN_CORPUS - documents.length).fill(filler)];
}

/**
 * Ranks candidates for a query: BM25 over identifier-aware terms (split camelCase, snake_case and
 * paths; see src/text/tokenize.ts) computed over the candidates and a background sample, then
 * weighted by recency (exponential decay), use (log of the use count) and kind. Items below
 * `minScore` relevance are dropped, so an unrelated query yields nothing.
 */
export function rankCandidates(query: string, candidates: readonly Discovery[], options: RankOptions): RankedCandidate[] {
  const terms = tokenize(query);
  if (terms.length === 0 || candidates.length === 0) return [];
  const documents = candidates.map(options.termsOf ?? discoveryTerms);
  const index = createBm25Index(padCorpus(documents));
  const scores = index.score(terms);
  const halfLife = (options.halfLifeHours ?? 72) * 3_600_000;
  const ranked: RankedCandidate[] = [];
  candidates.forEach((discovery, i) => {
    const relevance = scores[i];
    if (options.backgroundOnly?.has(discovery.id)) return;
    if (!(relevance >= options.minScore) || relevance <= 0) return;
    const age = Math.max(0, options.now - discovery.createdAt);
    const recency = 0.6 + 0.4 * Math.pow(0.5, age / halfLife);
    const use = 1 + 0.15 * Math.log1p(discovery.useCount);
    const weight = KIND_WEIGHT[discovery.kind] ?? 0.8;
    ranked.push({ discovery, relevance, score: relevance * recency * use * weight });
  });
  return ranked.sort((a, b) => b.score - a.score || b.discovery.createdAt - a.discovery.createdAt);
}
