import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import type { DiscoveryInput } from '../store/store.js';
import { injectContext, type InjectRequest } from './inject-context.js';
import { discoveryTerms } from './rank-candidates.js';

let dir: TestDir;
let store: SqliteStore;
afterEach(async () => {
  await store.close();
  dir.cleanup();
});

const NOW = Date.UTC(2026, 11, 5);
const item = (i: number, summary: string): DiscoveryInput => ({
  kind: 'command',
  key: `npm run task${i}`,
  sessionId: 'earlier',
  toolUseId: `toolu_${i}`,
  createdAt: NOW - i * 60_000,
  rawBytes: 4000,
  rawTokens: 1000,
  summary,
  summaryTokens: 40,
});

function setUp(count: number) {
  dir = testdir();
  store = openSqliteStore(dir.join('.ctxkit', 'ctxkit.db')).store;
  const deps = { root: dir.path, now: () => NOW, store: async () => store, readFile: () => undefined };
  const request = (query: string, sessionId: string): InjectRequest => ({
    query,
    audience: 'session',
    budgetTokens: 1500,
    minScore: 1,
    excludeSessionId: sessionId,
    memoryKey: `session:${sessionId}:injected`,
    commit: { sessionId, hookEvent: 'UserPromptSubmit', countPrompt: true },
  });
  return { deps, request, ids: Promise.all(Array.from({ length: count }, (_, i) => store.record(item(i, `step ${i} of the release: checkReleaseNotes validates changelog entry ${i % 7}`)))) };
}

describe('injectContext keeps ranking terms', () => {
  it('keeps the terms it computed, and ranks the same with them as without', async () => {
    const { deps, request, ids } = setUp(30);
    const all = (await ids).map((recorded) => recorded.id);
    expect((await store.rankingTerms(all)).size).toBe(0);
    const first = await injectContext(request('where does checkReleaseNotes validate the changelog entry 3?', 'one'), deps);
    expect(first.committed).toBe(true);
    const kept = await store.rankingTerms(all);
    expect(kept.size).toBe(30);
    const [one] = await store.find({ key: 'npm run task3' });
    expect(kept.get(one.id)).toEqual(discoveryTerms(one));
    // Another conversation asks the same: the kept terms give the same items in the same order.
    const second = await injectContext(request('where does checkReleaseNotes validate the changelog entry 3?', 'two'), deps);
    expect(second.items.map((selected) => selected.discovery.id)).toEqual(first.items.map((selected) => selected.discovery.id));
    // The prompt was counted in the same write, in both conversations.
    expect(store.database.prepare("SELECT id, prompts FROM sessions WHERE id IN ('one', 'two') ORDER BY id").all()).toEqual([
      { id: 'one', prompts: 1 },
      { id: 'two', prompts: 1 },
    ]);
  });

  it('ranks a rewritten summary by its new terms', async () => {
    const { deps, request, ids } = setUp(3);
    const [first] = await ids;
    await injectContext(request('checkReleaseNotes', 'one'), deps);
    expect((await store.rankingTerms([first.id])).size).toBe(1);
    await store.setSummary(first.id, { summary: 'publishArtifacts uploads the tarball to the registry', summaryTokens: 12, method: 'log' });
    expect((await store.rankingTerms([first.id])).size).toBe(0);
    // Terms a ranking computed from the summary before it changed (another process) are not kept for the new one.
    await store.recordInjection({ at: NOW, usedIds: [], usage: [], terms: new Map([[first.id, { terms: ['checkreleasenotes'], summary: 'step 0 of the release' }]]) });
    expect((await store.rankingTerms([first.id])).size).toBe(0);
    const found = await injectContext(request('how does publishArtifacts upload the tarball?', 'two'), deps);
    expect(found.items.map((selected) => selected.discovery.id)).toEqual([first.id]);
    expect((await store.rankingTerms([first.id])).get(first.id)).toContain('publishartifacts');
  });
});
