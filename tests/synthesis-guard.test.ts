import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHookProcess, withStore, type HookRun } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

// Run `npm run build` first: the guard runs inside the built PostToolUse hook, after capture, on a real store.

const S1 = '11111111-aaaa-4000-8000-000000000001';
const S2 = '22222222-bbbb-4000-8000-000000000002';
const BIG = Array.from({ length: 300 }, (_, i) => `export const setting${i} = readSetting('key_${i}', ${i}); // documented default`).join('\n') + '\n';

let dir: TestDir;
beforeEach(() => {
  dir = testdir({ 'src/settings.ts': BIG });
});
afterEach(() => dir.cleanup());

function config(value: unknown) {
  writeFileSync(dir.join('ctxkit.config.json'), JSON.stringify(value));
}
function readCall(session: string, toolUseId: string, input: Record<string, unknown> = {}, content = BIG, agent: Record<string, string> = {}): HookRun {
  const lines = content.split('\n').length;
  const result = runHookProcess(
    'PostToolUse',
    {
      session_id: session,
      cwd: dir.path,
      hook_event_name: 'PostToolUse',
      ...agent,
      tool_name: 'Read',
      tool_input: { file_path: dir.join('src/settings.ts'), ...input },
      tool_response: { type: 'text', file: { filePath: dir.join('src/settings.ts'), content, numLines: lines, startLine: 1, totalLines: lines } },
      tool_use_id: toolUseId,
    },
    { root: dir.path },
  );
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result;
}
const output = (run: HookRun) => (run.stdout ? (JSON.parse(run.stdout) as { hookSpecificOutput: Record<string, any> }).hookSpecificOutput : undefined);

describe('rediscovery guard through the hook entry', () => {
  it('enforce: a cross-session re-read gets the earlier summary in file.content, every other field kept, and a usage row', async () => {
    config({ guard: { mode: 'enforce' } });
    expect(readCall(S1, 't1').stdout).toBe('');
    const specific = output(readCall(S2, 't2'));
    expect(specific?.hookEventName).toBe('PostToolUse');
    expect(specific?.permissionDecision).toBeUndefined();
    const replaced = specific?.updatedToolOutput as { type: string; file: Record<string, unknown> };
    expect(replaced.type).toBe('text');
    expect({ ...replaced.file, content: null }).toEqual({ filePath: dir.join('src/settings.ts'), content: null, numLines: 301, startLine: 1, totalLines: 301 });
    const content = String(replaced.file.content);
    expect(content).toMatch(/^\[ctxkit\] Same bytes as this file had for session 1111 (just now|\d+ min ago)/);
    expect(content).toMatch(/Read it again with offset and limit .* or run `ctxkit show \d+`/);
    expect(content).toContain("export const setting0 = readSetting('key_0', 0);");
    expect(content.length).toBeLessThan(BIG.length / 2);
    await withStore(dir.path, async (store) => {
      const usage = await store.usageTotals({ sessionId: S2 });
      expect(usage.guard?.events).toBe(1);
      expect(usage.guard?.tokens).toBeGreaterThan(0);
    });
  });

  it('passes through a Read with offset/limit, a same-session re-read, and a changed file', () => {
    config({ guard: { mode: 'enforce' } });
    readCall(S1, 't1');
    expect(readCall(S2, 't2', { offset: 1, limit: 2000 }).stdout).toBe('');
    expect(readCall(S1, 't3').stdout).toBe('');
    const changed = BIG.replace('key_7', 'key_seven');
    writeFileSync(dir.join('src/settings.ts'), changed);
    expect(readCall(S2, 't4', {}, changed).stdout).toBe('');
  });

  it('treats a subagent of the same session as another reader', () => {
    config({ guard: { mode: 'enforce' } });
    readCall(S1, 't1');
    expect(output(readCall(S1, 't2', {}, BIG, { agent_id: 'ag1', agent_type: 'Explore' }))?.updatedToolOutput).toBeDefined();
  });

  it('hint (the default) keeps the output and adds one note; off (per tool) does nothing', () => {
    readCall(S1, 't1');
    const hint = output(readCall(S2, 't2'));
    expect(hint?.updatedToolOutput).toBeUndefined();
    expect(hint?.additionalContext).toMatch(/^\[ctxkit\] session 1111 already had this same file content (just now|\d+ min ago) \(#\d+\)\.$/);
    config({ guard: { mode: 'enforce', tools: { Read: 'off' } } });
    expect(readCall(S2, 't3').stdout).toBe('');
  });
});
