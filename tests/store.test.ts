import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite-store.js';
import { DbFromFutureError } from '../src/store/run-migrations.js';
import type { DiscoveryInput } from '../src/store/store.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
let store: SqliteStore | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
  dir?.cleanup();
});

function open(options: Parameters<typeof openSqliteStore>[1] = {}) {
  dir ??= testdir();
  const opened = openSqliteStore(dir.join('.ctxkit', 'ctxkit.db'), options);
  store = opened.store;
  return opened;
}

function discovery(overrides: Partial<DiscoveryInput> = {}): DiscoveryInput {
  return {
    kind: 'file',
    key: 'src/a.ts',
    sessionId: 's1',
    createdAt: 1000,
    contentHash: 'h1',
    rawBytes: 100,
    rawTokens: 25,
    summary: 'export function alpha',
    summaryTokens: 5,
    ...overrides,
  };
}

describe('SqliteStore', () => {
  it('records, reads back and keeps one row per tool_use_id and kind', async () => {
    dir = testdir();
    const { store: s } = open();
    const first = await s.record(discovery({ toolUseId: 'toolu_1', meta: { numLines: 3 }, range: { start: 1, end: 3 }, original: { text: 'full text' } }));
    const again = await s.record(discovery({ toolUseId: 'toolu_1' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const got = await s.get(first.id);
    expect(got).toMatchObject({ kind: 'file', key: 'src/a.ts', sessionId: 's1', range: { start: 1, end: 3 }, meta: { numLines: 3 }, hasOriginal: true, stale: false });
    expect(await s.getOriginal(first.id)).toEqual({ text: 'full text', stderr: undefined });
    expect(await s.recordedToolUses(['toolu_1', 'toolu_2'])).toEqual(new Set(['toolu_1']));
    expect((await s.counts()).sessions).toBe(1);
  });

  it('finds by text (FTS), kind, session and excludes stale ones unless asked', async () => {
    dir = testdir();
    const { store: s } = open();
    await s.record(discovery({ key: 'src/store/open-database.ts', summary: 'opens the sqlite database' }));
    await s.record(discovery({ kind: 'command', key: 'npm test', summary: '12 tests passed', sessionId: 's2', contentHash: undefined }));
    expect((await s.find({ text: 'sqlite' })).map((d) => d.key)).toEqual(['src/store/open-database.ts']);
    expect((await s.find({ text: 'database open' }))[0].key).toBe('src/store/open-database.ts');
    expect((await s.find({ kinds: ['command'] })).map((d) => d.key)).toEqual(['npm test']);
    expect((await s.find({ excludeSessionId: 's1' })).map((d) => d.key)).toEqual(['npm test']);
    expect(await s.find({ text: '"; DROP TABLE' })).toEqual([]);
  });

  it('keeps text search cheap on a large pool: rare words select, common words alone rank only recent matches', async () => {
    dir = testdir();
    const { store: s } = open();
    const db = s.database;
    const insert = db.prepare('INSERT INTO discoveries (kind, key, session_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES (?, ?, ?, ?, 0, 0, ?, 0)');
    db.transaction(() => {
      // The oldest row holds the rare word; 3,000 later rows share the common ones.
      insert.run('search', 'first', 's1', 1, 'parseWidgetManifest reads the config handler');
      for (let i = 0; i < 3000; i++) insert.run('search', `row-${i}`, 's1', 2 + i, `config handler number ${i}`);
    })();
    const withRare = await s.find({ text: 'config handler parseWidgetManifest', limit: 5 });
    expect(withRare.map((d) => d.key)).toEqual(['first']);
    const commonOnly = await s.find({ text: 'config handler', limit: 3000 });
    expect(commonOnly).toHaveLength(2000);
    expect(commonOnly.some((d) => d.key === 'row-2999')).toBe(true);
    expect(commonOnly.some((d) => d.key === 'first')).toBe(false);
  });

  it('marks older file discoveries stale when the bytes change (supersede and markStale)', async () => {
    dir = testdir();
    const { store: s } = open();
    const old = await s.record(discovery({ contentHash: 'h1' }));
    const newer = await s.record(discovery({ contentHash: 'h2', createdAt: 2000, supersede: true }));
    expect((await s.get(old.id))!.stale).toBe(true);
    expect((await s.get(newer.id))!.stale).toBe(false);
    expect(await s.markStale({ path: 'src/a.ts', currentHash: 'h3', at: 3000 })).toBe(1);
    expect(await s.find({ key: 'src/a.ts' })).toEqual([]);
    expect(await s.find({ key: 'src/a.ts', includeStale: true })).toHaveLength(2);
  });

  it('hands off an agent report once, with its task and sources, and marks it stale when a source changes', async () => {
    dir = testdir();
    const { store: s } = open();
    const base = { sessionId: 's1', agentId: 'ag1', agentType: 'Explore', task: 'Find the config loader', description: 'find config', createdAt: 1, summary: 'short', summaryTokens: 1, rawBytes: 5, rawTokens: 1, sources: [{ path: 'src/config.ts', contentHash: 'c1' }] };
    const first = await s.handOff(base);
    const second = await s.handOff({ ...base, toolUseId: 'toolu_agent', summary: 'the longer full report', rawBytes: 50, original: { text: 'the longer full report' }, sources: [] });
    expect(second).toEqual({ id: first.id, created: false });
    const report = await s.get(first.id);
    expect(report).toMatchObject({ kind: 'agent-report', key: 'find config', summary: 'the longer full report', handoff: { task: 'Find the config loader', sources: [{ path: 'src/config.ts', contentHash: 'c1' }] } });
    expect((await s.find({ text: 'loader' })).map((d) => d.id)).toEqual([first.id]);
    await s.markStale({ path: 'src/config.ts', currentHash: 'c2', at: 5 });
    expect((await s.get(first.id))!.stale).toBe(true);
  });

  it('pairs a subagent with the Agent call that started it', async () => {
    dir = testdir();
    const { store: s } = open();
    await s.agentTaskQueued({ sessionId: 's1', toolUseId: 'tu1', prompt: 'Explore the store', description: 'explore', subagentType: 'Explore', at: 1 });
    await s.agentTaskQueued({ sessionId: 's1', toolUseId: 'tu2', prompt: 'Review the hooks', subagentType: 'reviewer', at: 2 });
    expect(await s.agentStarted({ sessionId: 's1', agentId: 'a2', agentType: 'reviewer', at: 3 })).toMatchObject({ task: 'Review the hooks', toolUseId: 'tu2' });
    expect(await s.agentStarted({ sessionId: 's1', agentId: 'a1', agentType: 'Explore', at: 4 })).toMatchObject({ task: 'Explore the store', description: 'explore' });
    expect(await s.agentStopped({ sessionId: 's1', agentId: 'a1', at: 9, transcriptPath: '/t.jsonl' })).toMatchObject({ stoppedAt: 9, transcriptPath: '/t.jsonl', agentType: 'Explore' });
  });

  it('loads, decides and saves the pool in one transaction, releasing leases the decision dropped', async () => {
    dir = testdir();
    const { store: s } = open();
    const lease = (id: string, at: number) => ({ id, sessionId: 's1', agentType: 'Explore', startedAt: at, lastSeenAt: at });
    const granted = await s.updatePool({ now: 10, leaseMs: 1000, sessionIds: ['s1'] }, (state) => {
      expect(state).toEqual({ leases: [], sessions: {} });
      return {
        state: { leases: [lease('toolu_a', 10), lease('toolu_b', 10)], sessions: { s1: { started: 2, tokensUsed: 40 } }, rateLimit: { at: 5, kind: 'rate_limit', loweredTo: 1 } },
        value: 'granted',
        usage: [{ sessionId: 's1', kind: 'pool', tokens: 0, ref: '{"event":"lease"}', at: 10 }],
      };
    });
    expect(granted).toBe('granted');
    expect(await s.readPool({ sessionIds: ['s1', 'other'] })).toEqual({
      leases: [lease('toolu_a', 10), lease('toolu_b', 10)],
      sessions: { s1: { started: 2, tokensUsed: 40 } },
      rateLimit: { at: 5, kind: 'rate_limit', loweredTo: 1 },
    });
    await s.updatePool({ now: 20, leaseMs: 1000, sessionIds: [] }, (state) => ({
      state: { ...state, leases: [{ ...state.leases[1], agentId: 'agent-b', lastSeenAt: 20 }], rateLimit: undefined },
      value: undefined,
    }));
    const after = await s.readPool({ sessionIds: ['s1'] });
    expect(after.leases).toEqual([{ ...lease('toolu_b', 10), agentId: 'agent-b', lastSeenAt: 20 }]);
    expect(after.rateLimit).toBeUndefined();
    expect(after.sessions.s1).toEqual({ started: 2, tokensUsed: 40 });
    const rows = s.database.prepare('SELECT holder, released_at, expires_at FROM leases ORDER BY holder').all();
    expect(rows).toEqual([
      { holder: 'toolu_a', released_at: 20, expires_at: 1010 },
      { holder: 'toolu_b', released_at: null, expires_at: 1020 },
    ]);
    expect(await s.listUsage({ sessionId: 's1' })).toEqual([{ sessionId: 's1', kind: 'pool', tokens: 0, ref: '{"event":"lease"}', at: 10 }]);
  });

  it('rolls the pool back when the decision throws', async () => {
    dir = testdir();
    const { store: s } = open();
    await expect(
      s.updatePool({ now: 1, leaseMs: 1000, sessionIds: ['s1'] }, () => {
        throw new Error('decision failed');
      }),
    ).rejects.toThrow('decision failed');
    await s
      .updatePool({ now: 1, leaseMs: 1000, sessionIds: ['s1'] }, (state) => ({
        state: { ...state, leases: [{ id: 't', sessionId: 's1', startedAt: 1, lastSeenAt: 1 }] },
        value: undefined,
        usage: [{ sessionId: 's1', kind: 'pool', tokens: 0, at: 1 }],
      }))
      .then(() =>
        s.updatePool({ now: 2, leaseMs: 1000, sessionIds: ['s1'] }, (state) => {
          state.leases.length = 0;
          throw new Error('late failure');
        }),
      )
      .catch(() => undefined);
    expect((await s.readPool({ sessionIds: [] })).leases.map((l) => l.id)).toEqual(['t']);
  });

  it('lists usage rows in time order, by session and since a time', async () => {
    dir = testdir();
    const { store: s } = open();
    await s.addUsage([
      { sessionId: 's2', kind: 'injection', tokens: 7, ref: '{"tokens":7}', at: 30 },
      { sessionId: 's1', agentId: 'a1', kind: 'pool', tokens: 0, at: 10 },
      { sessionId: 's1', kind: 'inflight', tokens: 90, ref: '{}', at: 20 },
    ]);
    expect((await s.listUsage({})).map((row) => row.at)).toEqual([10, 20, 30]);
    expect(await s.listUsage({ sessionId: 's1', since: 15 })).toEqual([{ sessionId: 's1', kind: 'inflight', tokens: 90, ref: '{}', at: 20 }]);
    expect((await s.listUsage({ sessionId: 's1' }))[0]).toEqual({ sessionId: 's1', agentId: 'a1', kind: 'pool', tokens: 0, at: 10 });
  });

  it('sums usage and keeps state', async () => {
    dir = testdir();
    const { store: s } = open();
    await s.addUsage([{ sessionId: 's1', kind: 'captured', tokens: 10, at: 1 }, { sessionId: 's1', kind: 'captured', tokens: 5, at: 2 }, { sessionId: 's2', kind: 'injected', tokens: 7, at: 3 }]);
    expect(await s.usageTotals({ sessionId: 's1' })).toEqual({ captured: { tokens: 15, events: 2 } });
    expect(await s.usageTotals({})).toEqual({ captured: { tokens: 15, events: 2 }, injected: { tokens: 7, events: 1 } });
    await s.setState('pool:limit', '3');
    expect(await s.getState('pool:limit')).toBe('3');
    await s.setState('pool:limit', undefined);
    expect(await s.getState('pool:limit')).toBeUndefined();
  });

  it('evicts the oldest originals beyond the byte cap', async () => {
    dir = testdir();
    const { store: s } = open({ maxBlobBytes: 25 });
    const a = await s.record(discovery({ createdAt: 1, original: { text: 'a'.repeat(10) } }));
    const b = await s.record(discovery({ createdAt: 2, original: { text: 'b'.repeat(10) } }));
    const c = await s.record(discovery({ createdAt: 3, original: { text: 'c'.repeat(10) } }));
    const huge = await s.record(discovery({ createdAt: 4, original: { text: 'd'.repeat(100) } }));
    expect(await s.getOriginal(a.id)).toBeUndefined();
    expect((await s.getOriginal(b.id))?.text).toBe('b'.repeat(10));
    expect((await s.getOriginal(c.id))?.text).toBe('c'.repeat(10));
    expect(await s.getOriginal(huge.id)).toBeUndefined();
    expect((await s.counts()).originalBytes).toBe(20);
  });

  it('keeps large originals as files beside the database, evicting and forgetting them with their rows', async () => {
    dir = testdir();
    const { store: s } = open({ maxBlobBytes: 250, fileMinBytes: 100 });
    const files = () => (existsSync(dir.join('.ctxkit', 'originals')) ? readdirSync(dir.join('.ctxkit', 'originals')) : []);
    const small = await s.record(discovery({ createdAt: 1, toolUseId: 't1', original: { text: 'small' } }));
    const large = await s.record(discovery({ createdAt: 2, toolUseId: 't2', kind: 'command', key: 'npm test', original: { text: 'L'.repeat(120), stderr: 'warn' } }));
    expect(files()).toHaveLength(1);
    expect(s.database.prepare('SELECT length(text) FROM originals WHERE discovery_id = ?').pluck().get(large.id)).toBe(0);
    expect(await s.getOriginal(large.id)).toEqual({ text: 'L'.repeat(120), stderr: 'warn' });
    expect(await s.getOriginal(small.id)).toEqual({ text: 'small', stderr: undefined });
    expect((await s.counts()).originalBytes).toBe(5 + 124);
    // Past the cap the oldest go, file and all.
    const next = await s.record(discovery({ createdAt: 3, toolUseId: 't3', kind: 'command', key: 'npm run lint', original: { text: 'N'.repeat(120) } }));
    await s.record(discovery({ createdAt: 4, toolUseId: 't4', kind: 'command', key: 'npm run build', original: { text: 'B'.repeat(120) } }));
    expect(await s.getOriginal(large.id)).toBeUndefined();
    expect(files()).toHaveLength(2);
    // A file that vanished (deleted by hand) means no original, not an error.
    rmSync(dir.join('.ctxkit', 'originals', files().find((name) => name.startsWith(`${next.id}-`))!));
    expect(await s.getOriginal(next.id)).toBeUndefined();
    expect((await s.listUnrefined({ kinds: ['command'], limit: 10 })).map((item) => item.original.text)).toEqual(['B'.repeat(120)]);
    writeFileSync(dir.join('.ctxkit', 'originals', 'stray.txt'), 'left by a hook that died');
    // Forgetting removes the files of the forgotten rows, and files no row names.
    await s.forget({ all: true });
    expect(files()).toEqual([]);
  });

  it('leaves no original file behind when the write that kept it fails', async () => {
    dir = testdir();
    const { store: s } = open({ fileMinBytes: 10 });
    s.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON originals BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(s.record(discovery({ toolUseId: 't1', original: { text: 'x'.repeat(50) } }))).rejects.toThrow('disk full');
    expect(readdirSync(dir.join('.ctxkit', 'originals'))).toEqual([]);
    expect(await s.find({})).toEqual([]);
  });

  it('forgets by session, by path glob and everything, counting rows', async () => {
    dir = testdir();
    const { store: s } = open();
    await s.record(discovery({ sessionId: 's1', key: 'src/a.ts', original: { text: 'secret-ish' } }));
    await s.record(discovery({ sessionId: 's2', key: 'docs/b.md' }));
    await s.record(discovery({ sessionId: 's2', kind: 'command', key: 'ls docs', contentHash: undefined }));
    await s.addUsage([{ sessionId: 's1', kind: 'captured', tokens: 1, at: 1 }]);
    expect(await s.forget({ sessionId: 's1' })).toMatchObject({ discoveries: 1, originals: 1, sessions: 1, usage: 1, total: 4 });
    expect(await s.forget({ pathGlob: 'docs/**' })).toMatchObject({ discoveries: 1, total: 1 });
    expect((await s.find({})).map((d) => d.key)).toEqual(['ls docs']);
    expect(await s.forget({ all: true })).toMatchObject({ discoveries: 1, sessions: 1 });
    expect(await s.counts()).toMatchObject({ discoveries: 0, sessions: 0 });
  });
});

describe('opening the store', () => {
  it('uses WAL and marks the file as a ctxkit store', () => {
    dir = testdir();
    const { store: s } = open();
    expect(s.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.database.pragma('application_id', { simple: true })).toBe(0x63746b31);
  });

  it('sets aside a file of garbage bytes and starts a fresh store', async () => {
    dir = testdir({ '.ctxkit/ctxkit.db': Buffer.from('this is not a database at all, just bytes '.repeat(200)) });
    const { store: s, setAside } = open();
    expect(setAside).toMatch(/ctxkit\.db\.corrupt-/);
    expect(readFileSync(setAside!, 'utf8')).toContain('this is not a database');
    await s.record(discovery());
    expect((await s.counts()).discoveries).toBe(1);
  });

  it('sets aside a foreign SQLite database instead of writing into it', () => {
    dir = testdir();
    const foreign = new Database(dir.write('.ctxkit/ctxkit.db', ''));
    foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    foreign.close();
    const { setAside } = open();
    expect(setAside).toBeDefined();
    const moved = new Database(setAside!);
    expect(moved.prepare('SELECT body FROM notes').pluck().get()).toBe('keep me');
    moved.close();
    expect(readdirSync(dir.join('.ctxkit')).filter((name) => name.includes('corrupt'))).toHaveLength(1);
  });

  it('detects a damaged store with the integrity check and keeps the damaged copy', async () => {
    dir = testdir();
    const { store: s } = open();
    for (let i = 0; i < 200; i++) await s.record(discovery({ key: `src/f${i}.ts`, summary: `summary ${i} `.repeat(40) }));
    s.database.pragma('wal_checkpoint(TRUNCATE)');
    await s.close();
    store = undefined;
    const file = dir.join('.ctxkit', 'ctxkit.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(file, bytes);
    const reopened = open({ check: true });
    expect(reopened.setAside).toBeDefined();
    expect(existsSync(reopened.setAside!)).toBe(true);
    expect((await reopened.store.counts()).discoveries).toBe(0);
  });

  it('runs the daily integrity check at most once a day', async () => {
    dir = testdir();
    const day = 24 * 60 * 60 * 1000;
    const { store: s } = open({ check: 'daily', now: () => 1_000 });
    for (let i = 0; i < 200; i++) await s.record(discovery({ key: `src/f${i}.ts`, summary: `summary ${i} `.repeat(40) }));
    s.database.pragma('wal_checkpoint(TRUNCATE)');
    await s.close();
    store = undefined;
    const file = dir.join('.ctxkit', 'ctxkit.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(file, bytes);
    const sameDay = open({ check: 'daily', now: () => 1_000 + day / 2 });
    expect(sameDay.setAside).toBeUndefined();
    await sameDay.store.close();
    store = undefined;
    expect(open({ check: 'daily', now: () => 1_000 + day + 1 }).setAside).toBeDefined();
  });

  it('refuses a store written by a newer ctxkit and leaves it in place', () => {
    dir = testdir();
    const { store: s } = open();
    s.database.pragma('user_version = 9999');
    s.database.close();
    store = undefined;
    expect(() => open()).toThrow(DbFromFutureError);
    expect(readdirSync(dir.join('.ctxkit')).some((name) => name.includes('corrupt'))).toBe(false);
  });
});
