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
  it('lands every record from 32 simultaneous hook processes, on a new and on an existing store', async () => {
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
});
