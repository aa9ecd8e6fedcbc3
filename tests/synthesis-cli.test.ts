import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCtxkit, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

// Run `npm run build` first: the CLI and the hooks run from the built package.

const S1 = '11111111-aaaa-4000-8000-000000000001';
const STORE_TS = 'export function openDatabase(file: string) {\n  return migrateSchema(file);\n}\n';

let dir: TestDir;
beforeEach(() => {
  dir = testdir({ 'src/store.ts': STORE_TS, 'notes.txt': 'x\n' });
});
afterEach(() => dir.cleanup());

function capture() {
  const result = runHookProcess(
    'PostToolUse',
    {
      session_id: S1,
      cwd: dir.path,
      hook_event_name: 'PostToolUse',
      tool_name: 'Read',
      tool_input: { file_path: dir.join('src/store.ts') },
      tool_response: { type: 'text', file: { filePath: dir.join('src/store.ts'), content: STORE_TS, numLines: 4, startLine: 1, totalLines: 4 } },
      tool_use_id: 'toolu_1',
    },
    { root: dir.path },
  );
  expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
}

describe('ctxkit context', () => {
  it('with no store yet prints one line, exits 0 and creates nothing', () => {
    const result = runCtxkit(['context', 'how does openDatabase work'], { cwd: dir.path });
    expect(result).toEqual({ code: 0, stdout: 'ctxkit: nothing in the pool yet (no session has been captured in this project).\n', stderr: '' });
    expect(existsSync(dir.join('.ctxkit'))).toBe(false);
    expect(runCtxkit(['context', ''], { cwd: dir.path })).toEqual({ code: 0, stdout: 'ctxkit: no query given; nothing selected.\n', stderr: '' });
  });

  it('prints the block the hooks would inject, or JSON with scores and freshness, and records nothing', async () => {
    capture();
    const text = runCtxkit(['context', 'how does openDatabase migrate'], { cwd: dir.path });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\[ctxkit\] 1 item from earlier sessions \(≈\d+ tokens\)/);
    expect(text.stdout).toContain('- src/store.ts (read by session 1111');
    expect(text.stdout).toContain('return migrateSchema(file);');

    // `-` reads the query from stdin, where quotes, backticks and `$(...)` are only text.
    const fromStdin = runCtxkit(['context', '-'], { cwd: dir.path, input: 'how does `openDatabase` "migrate" $(whoami)\n' });
    expect(fromStdin.stdout).toBe(runCtxkit(['context', 'how does openDatabase migrate whoami'], { cwd: dir.path }).stdout);

    const json = runCtxkit(['context', 'openDatabase', '--json', '--budget', '600'], { cwd: dir.path });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ query: 'openDatabase', budgetTokens: 600, candidates: 1, items: [{ kind: 'file', key: 'src/store.ts', freshness: { status: 'fresh' }, sessionId: S1 }] });
    expect(report.items[0].relevance).toBeGreaterThan(0);
    expect(report.block).toContain('[ctxkit]');

    expect(runCtxkit(['context', 'autumn leaves haiku'], { cwd: dir.path })).toEqual({ code: 0, stdout: 'ctxkit: nothing in the pool is relevant enough to this query.\n', stderr: '' });
    await withStore(dir.path, async (store) => {
      expect(await store.usageTotals({})).toEqual({});
      expect((await store.find({ kinds: ['file'] }))[0].useCount).toBe(0);
    });
  });

  it('rejects a bad budget', () => {
    const result = runCtxkit(['context', 'x', '--budget', 'lots'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unexpected --budget 'lots'");
  });
});
