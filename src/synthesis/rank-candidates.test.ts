import { describe, expect, it } from 'vitest';
import type { Discovery } from '../store/store.js';
import { rankCandidates } from './rank-candidates.js';

const HOUR = 3_600_000;
function d(id: number, key: string, summary: string, extra: Partial<Discovery> = {}): Discovery {
  return { id, key, summary, kind: 'file', sessionId: 's1', createdAt: 0, rawBytes: 100, rawTokens: 100, summaryTokens: 10, meta: {}, stale: false, useCount: 0, hasOriginal: false, ...extra };
}

const POOL = [
  d(1, 'src/store/open-database.ts', 'export function openDatabase(file) { … } runs migrations, WAL mode'),
  d(2, 'src/text/tokenize.ts', 'export function tokenize(text) splits camelCase and snake_case identifiers'),
  d(3, 'README.md', 'A project readme about installing things'),
  d(4, 'src/hooks/run-hook.ts', 'export async function runHook(input) reads stdin, validates, dispatches'),
];

describe('rankCandidates', () => {
  it.each([
    ['a camelCase identifier finds the file by its parts', 'where is the database opened? openDatabase', 1],
    ['a snake_case query term matches the split identifier', 'how are snake_case identifiers split', 2],
    ['a path finds the file', 'look at src/hooks/run-hook.ts', 4],
    ['an identifier split in the query matches the compound in text', 'run hook stdin', 4],
  ])('%s', (_name, query, expectedFirst) => {
    const ranked = rankCandidates(query, POOL, { now: 0, minScore: 0.5 });
    expect(ranked[0]?.discovery.id).toBe(expectedFirst);
  });

  it('returns nothing when nothing is relevant enough', () => {
    expect(rankCandidates('kubernetes helm chart', POOL, { now: 0, minScore: 1 })).toEqual([]);
    expect(rankCandidates('', POOL, { now: 0, minScore: 0 })).toEqual([]);
  });

  it('prefers the recent item and the used item when relevance is equal', () => {
    const old = d(10, 'src/a/parser.ts', 'parseConfig reads the config', { createdAt: 0 });
    const recent = d(11, 'src/b/parser.ts', 'parseConfig reads the config', { createdAt: 200 * HOUR });
    expect(rankCandidates('parseConfig', [old, recent], { now: 200 * HOUR, minScore: 0 }).map((r) => r.discovery.id)).toEqual([11, 10]);
    const used = d(12, 'src/c/parser.ts', 'parseConfig reads the config', { useCount: 9 });
    const unused = d(13, 'src/d/parser.ts', 'parseConfig reads the config', { useCount: 0 });
    expect(rankCandidates('parseConfig', [unused, used], { now: 0, minScore: 0 }).map((r) => r.discovery.id)).toEqual([12, 13]);
  });

  it('scores a match in a pool of one the way a grown pool would (minScore keeps its meaning)', () => {
    const [only] = rankCandidates('openDatabase', [POOL[0]], { now: 0, minScore: 1 });
    expect(only?.relevance).toBeGreaterThan(3);
  });

  it('uses background items for term statistics only', () => {
    const ranked = rankCandidates('openDatabase', POOL, { now: 0, minScore: 0, backgroundOnly: new Set([1]) });
    expect(ranked.map((r) => r.discovery.id)).not.toContain(1);
  });

  it('finds a handoff by its task', () => {
    const report = d(20, 'Summarize search', 'It ranks hits.', { kind: 'agent-report', handoff: { task: 'Explain rankResults in the search module', sources: [] } });
    expect(rankCandidates('rankResults', [...POOL, report], { now: 0, minScore: 0.5 })[0]?.discovery.id).toBe(20);
  });
});
