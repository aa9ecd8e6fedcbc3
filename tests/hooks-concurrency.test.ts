import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, readLog, runHookProcessAsync, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
let vars: Record<string, string>;

beforeEach(() => {
  dir = testdir({ 'src/config.ts': 'export function loadConfig() {}\n' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
});
afterEach(() => dir.cleanup());

/** 32 different tool calls as Claude Code sends them for one wide parallel batch. */
function parallelBatch(round: number): object[] {
  const names = ['post-tool-use.read', 'post-tool-use.bash', 'post-tool-use.grep', 'post-tool-use.glob', 'post-tool-use.web-fetch', 'post-tool-use.mcp', 'post-tool-use.web-search', 'post-tool-use.bash'];
  return Array.from({ length: 32 }, (_, i) => {
    const payload = fixture(names[i % names.length], vars) as Record<string, unknown> & { tool_input: Record<string, unknown> };
    payload.tool_use_id = `toolu_r${round}_${i}`;
    if (payload.tool_name === 'Bash') payload.tool_input = { ...payload.tool_input, command: `echo ${round}-${i}` };
    if (payload.tool_name === 'Grep' || payload.tool_name === 'Glob') payload.tool_input = { ...payload.tool_input, pattern: `pattern${round}x${i}` };
    return payload;
  });
}

describe('parallel hooks against one store', () => {
  it('lands every capture from 32 simultaneous hook processes, twice (small captures go to the spool)', async () => {
    for (const round of [1, 2]) {
      const results = await Promise.all(parallelBatch(round).map((payload) => runHookProcessAsync('PostToolUse', payload, { root: dir.path })));
      expect(results.filter((r) => r.code !== 0 || r.stdout !== '' || r.stderr !== '')).toEqual([]);
    }
    expect(readLog(dir.path)).toBe('');
    await withStore(dir.path, async (store) => {
      const all = await store.find({ includeStale: true, limit: 1000 });
      const ids = new Set(all.map((d) => d.toolUseId));
      for (const round of [1, 2]) for (let i = 0; i < 32; i++) expect(ids.has(`toolu_r${round}_${i}`), `toolu_r${round}_${i}`).toBe(true);
      expect(all).toHaveLength(64);
      expect((await store.counts()).sessions).toBe(1);
    });
  });

  it('32 simultaneous hooks that all open SQLite (edits and prompts) land every write, and drain a shared spool exactly once', async () => {
    // A spool of 64 captures left by fast-path hooks: every store opening below races to ingest it.
    await Promise.all(parallelBatch(1).concat(parallelBatch(2)).map((payload) => runHookProcessAsync('PostToolUse', payload, { root: dir.path })));
    const openers = Array.from({ length: 32 }, (_, i) =>
      i % 2 === 0
        ? { event: 'PostToolUse', payload: { ...fixture('post-tool-use.edit', vars), tool_use_id: `toolu_edit_${i}` } }
        : { event: 'UserPromptSubmit', payload: { ...fixture('user-prompt-submit', vars), session_id: `session-${i}`, prompt: `where is loadConfig ${i}` } },
    );
    const results = await Promise.all(openers.map(({ event, payload }) => runHookProcessAsync(event, payload, { root: dir.path })));
    expect(results.filter((r) => r.code !== 0 || r.stderr !== '')).toEqual([]);
    expect(readLog(dir.path)).toBe('');
    await withStore(dir.path, async (store) => {
      const all = await store.find({ includeStale: true, limit: 1000 });
      const ids = all.map((d) => d.toolUseId);
      // 64 spooled captures, each once, and 16 edits.
      expect(ids).toHaveLength(80);
      expect(new Set(ids).size).toBe(80);
      for (let i = 0; i < 32; i += 2) expect(ids).toContain(`toolu_edit_${i}`);
      // The fixtures' own session plus the 16 prompting sessions.
      expect((await store.counts()).sessions).toBe(17);
    });
    expect(readdirSync(dir.join('.ctxkit', 'spool'))).toEqual([]);
  });
});
