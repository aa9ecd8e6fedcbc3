import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { openSqliteStore } from './sqlite-store.js';
import { spoolDiscovery, spoolPath } from './spool.js';
import type { DiscoveryInput } from './store.js';

const discovery = (toolUseId: string, key: string): DiscoveryInput => ({
  kind: 'command',
  key,
  sessionId: 'session-1',
  toolName: 'Bash',
  toolUseId,
  createdAt: 1_700_000_000_000,
  rawBytes: 12,
  rawTokens: 4,
  summary: `ran ${key}`,
  summaryTokens: 3,
});

describe('capture spool', () => {
  it('is ingested when the store opens: a reader sees every spooled capture, with its original', async () => {
    dir = testdir();
    spoolDiscovery(dir.path, { ...discovery('toolu_orig', 'npm test'), original: { text: 'line 1\nline 2\n', stderr: 'warn\n' } });
    const { store } = openSqliteStore(join(dir.path, 'ctxkit.db'));
    const [found] = await store.find({ key: 'npm test' });
    expect(found.hasOriginal).toBe(true);
    expect(await store.getOriginal(found.id)).toEqual({ text: 'line 1\nline 2\n', stderr: 'warn\n' });
    await store.close();
  });


  let dir: TestDir;
  afterEach(() => dir?.cleanup());

  it('lands every spooled discovery in the store once, and empties the spool', async () => {
    dir = testdir();
    for (let i = 0; i < 5; i++) spoolDiscovery(dir.path, discovery(`toolu_${i}`, `echo ${i}`), 1_700_000_000_000 + i);
    const { store, spooled } = openSqliteStore(join(dir.path, 'ctxkit.db'));
    expect(spooled).toEqual({ ingested: 5, rejected: 0 });
    expect(readdirSync(spoolPath(dir.path))).toEqual([]);
    const found = await store.find({ kinds: ['command'], limit: 10 });
    expect(found.map((d) => d.key).sort()).toEqual(['echo 0', 'echo 1', 'echo 2', 'echo 3', 'echo 4']);
    await store.close();
  });

  it('keeps one row when the same tool call is ingested twice', async () => {
    dir = testdir();
    spoolDiscovery(dir.path, discovery('toolu_same', 'ls'));
    spoolDiscovery(dir.path, discovery('toolu_same', 'ls'));
    const { store } = openSqliteStore(join(dir.path, 'ctxkit.db'));
    expect(await store.find({ key: 'ls' })).toHaveLength(1);
    // A second ingestion of a record already in the store (another process read it too) adds nothing.
    spoolDiscovery(dir.path, discovery('toolu_same', 'ls'));
    expect(store.ingestSpool(dir.path)).toEqual({ ingested: 1, rejected: 0 });
    expect(await store.find({ key: 'ls' })).toHaveLength(1);
    await store.close();
  });

  it('sets aside a broken record instead of failing or retrying it forever', async () => {
    dir = testdir();
    spoolDiscovery(dir.path, discovery('toolu_ok', 'pwd'));
    writeFileSync(join(spoolPath(dir.path), '1700000000000-abc-def.json'), '{"kind": "command", "key"');
    const { store, spooled } = openSqliteStore(join(dir.path, 'ctxkit.db'));
    expect(spooled).toEqual({ ingested: 1, rejected: 1 });
    expect(readdirSync(spoolPath(dir.path))).toEqual(['1700000000000-abc-def.json.bad']);
    await store.close();
  });

  it('ignores half-written temporary files', async () => {
    dir = testdir();
    spoolDiscovery(dir.path, discovery('toolu_1', 'whoami'));
    writeFileSync(join(spoolPath(dir.path), '.1700000000000-abc-def.json.tmp'), '{');
    const { store, spooled } = openSqliteStore(join(dir.path, 'ctxkit.db'));
    expect(spooled).toEqual({ ingested: 1, rejected: 0 });
    await store.close();
  });
});
