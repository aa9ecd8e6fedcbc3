import { describe, expect, it } from 'vitest';
import { createBm25Index } from './bm25.js';
import { tokenize } from './tokenize.js';

describe('createBm25Index', () => {
  const docs = ['the parser reads tokens', 'the cache stores parsed files', 'retry the request after a timeout', 'parser parser parser'].map(
    tokenize,
  );
  const index = createBm25Index(docs);

  it('scores documents with the query terms above those without', () => {
    const scores = index.score(tokenize('parser'));
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBe(0);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[3]).toBeGreaterThan(scores[0]);
  });
  it('weights rare terms higher', () => {
    expect(index.idf('timeout')).toBeGreaterThan(index.idf('parser'));
    expect(index.idf('absent')).toBe(0);
  });
  it('handles an empty corpus and an empty query', () => {
    expect(createBm25Index([]).score(['x'])).toEqual([]);
    expect(index.score([])).toEqual([0, 0, 0, 0]);
  });
});
