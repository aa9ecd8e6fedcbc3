// The hook entry's V8 code cache (src/hooks/code-cache.ts), with the built entry as Claude Code starts it.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
let cacheRoot: string;
let cache: string;
let vars: Record<string, string>;

beforeEach(() => {
  dir = testdir({ 'src/config.ts': 'export function loadConfig() {\n  return {};\n}\n', 'transcript.jsonl': '' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
  cacheRoot = dir.join('cache');
  cache = join(cacheRoot, `${process.version}-${process.arch}`);
});
afterEach(() => dir.cleanup());

function capture(toolUseId: string, env: Record<string, string> = { CTXKIT_CODE_CACHE: cacheRoot }) {
  const result = runHookProcess('PostToolUse', { ...fixture('post-tool-use.grep', vars), tool_use_id: toolUseId }, { root: dir.path, env });
  expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
}

const snapshot = () => Object.fromEntries(readdirSync(cache).map((name) => [name, readFileSync(join(cache, name)).toString('base64')]));

describe('the hook code cache', () => {
  it('is written once per chunk the hook loaded, then used as it is', async () => {
    capture('toolu_cache_1');
    const first = snapshot();
    expect(Object.keys(first).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^run-entry-[A-Za-z0-9_-]{8}\.cjs$/), expect.stringMatching(/^capture-[A-Za-z0-9_-]{8}\.cjs$/)]));
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    capture('toolu_cache_2');
    expect(snapshot()).toEqual(first);
    await withStore(dir.path, async (store) => {
      expect((await store.find({ limit: 10 })).map((item) => item.toolUseId).sort()).toEqual(['toolu_cache_1', 'toolu_cache_2']);
    });
  });

  it('replaces a cache V8 rejects, and the hook works all the same', async () => {
    capture('toolu_cache_1');
    const [name] = Object.keys(snapshot()).filter((file) => file.startsWith('capture-'));
    writeFileSync(join(cache, name), 'not a code cache');
    capture('toolu_cache_2');
    expect(readFileSync(join(cache, name), 'utf8')).not.toBe('not a code cache');
    await withStore(dir.path, async (store) => expect(await store.find({ limit: 10 })).toHaveLength(2));
  });

  it('keeps one cache per chunk: an older version of a chunk goes when the new one is written', () => {
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    writeFileSync(join(cache, 'capture-OLDVERSN.cjs'), 'from an older ctxkit');
    writeFileSync(join(cache, 'unrelated.txt'), 'kept');
    capture('toolu_cache_1');
    expect(existsSync(join(cache, 'capture-OLDVERSN.cjs'))).toBe(false);
    expect(existsSync(join(cache, 'unrelated.txt'))).toBe(true);
  });

  it('is neither read nor written in a folder others can write to, nor when turned off', () => {
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    capture('toolu_cache_1');
    expect(readdirSync(cache)).toEqual([]);
    capture('toolu_cache_2', { CTXKIT_CODE_CACHE: 'off' });
    expect(readdirSync(cache)).toEqual([]);
  });
});
