import { createBm25Index } from '../text/bm25.js';
import { tokenize } from '../text/tokenize.js';

/**
 * BM25 relevance of each text to the query, scaled to 0..1 (1 = best match). All zeros without
 * a query or when nothing matches: query-free salience lost to plain truncation in our
 * measurements, so reducers fall back to position (head, tail, section leads) instead.
 */
export function queryScores(texts: readonly string[], query: string | undefined): number[] {
  const terms = query === undefined ? [] : tokenize(query);
  if (terms.length === 0) return texts.map(() => 0);
  const scores = createBm25Index(texts.map(tokenize)).score(terms);
  const best = Math.max(0, ...scores);
  return best === 0 ? scores.map(() => 0) : scores.map((score) => score / best);
}
