import { describe, expect, it } from 'vitest';
import type { Discovery } from '../store/store.js';
import { decideFreshness, pathsToCheck } from './decide-freshness.js';

function d(extra: Partial<Discovery>): Discovery {
  return { id: 1, key: 'src/a.ts', summary: 's', kind: 'file', sessionId: 's1', createdAt: 0, rawBytes: 1, rawTokens: 1, summaryTokens: 1, meta: {}, stale: false, useCount: 0, hasOriginal: false, contentHash: 'h1', ...extra };
}
const handoff = (sources: Array<[string, string]>) =>
  d({ kind: 'agent-report', key: 'task', contentHash: undefined, handoff: { task: 't', sources: sources.map(([path, contentHash]) => ({ path, contentHash })) } });

describe('decideFreshness', () => {
  it.each([
    ['file with the same bytes', d({}), [['src/a.ts', 'h1']], { status: 'fresh' }],
    ['file changed on disk', d({}), [['src/a.ts', 'h2']], { status: 'stale', reason: 'file changed since it was read' }],
    ['file deleted', d({}), [['src/a.ts', null]], { status: 'stale', reason: 'file no longer exists' }],
    ['file that could not be checked', d({}), [], { status: 'stale', reason: 'file could not be checked' }],
    ['file marked stale by an edit', d({ stale: true }), [['src/a.ts', 'h1']], { status: 'stale', reason: 'file changed since it was read' }],
    ['handoff with unchanged sources', handoff([['a', 'h1'], ['b', 'h2']]), [['a', 'h1'], ['b', 'h2']], { status: 'fresh' }],
    ['handoff with one of three sources changed', handoff([['a', 'h1'], ['b', 'h2'], ['c', 'h3']]), [['a', 'h1'], ['b', 'x'], ['c', 'h3']], { status: 'partly-changed', changed: ['b'] }],
    ['handoff with two of three sources changed', handoff([['a', 'h1'], ['b', 'h2'], ['c', 'h3']]), [['a', 'x'], ['b', 'x'], ['c', 'h3']], { status: 'stale', reason: '2 of 3 source files changed' }],
    ['handoff whose only source was deleted', handoff([['a', 'h1']]), [['a', null]], { status: 'stale', reason: '1 of 1 source files changed' }],
    ['handoff with no sources', handoff([]), [], { status: 'fresh' }],
    ['a search result (no files to check)', d({ kind: 'search', key: 'TODO' }), [], { status: 'fresh' }],
    ['compaction summary with sources in meta, half changed', d({ kind: 'compaction', key: 'c', meta: { sources: [{ path: 'a', contentHash: 'h1' }, { path: 'b', contentHash: 'h2' }] } }), [['a', 'x'], ['b', 'h2']], { status: 'partly-changed', changed: ['a'] }],
  ] as const)('%s', (_name, discovery, hashes, expected) => {
    expect(decideFreshness(discovery as Discovery, new Map(hashes as unknown as Array<[string, string | null]>))).toEqual(expected);
  });

  it('names the paths a decision needs', () => {
    expect(pathsToCheck(d({}))).toEqual(['src/a.ts']);
    expect(pathsToCheck(handoff([['a', 'h1'], ['b', 'h2']]))).toEqual(['a', 'b']);
    expect(pathsToCheck(d({ kind: 'command', key: 'ls' }))).toEqual([]);
  });
});
