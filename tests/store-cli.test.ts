import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, readLog, runCtxkit, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
let vars: Record<string, string>;

beforeEach(() => {
  dir = testdir({ 'src/config.ts': 'export function loadConfig() {\n  return {};\n}\n', 'docs/notes.md': 'notes\n' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
});
afterEach(() => dir.cleanup());

function capture(name: string, patch: Record<string, unknown> = {}) {
  expect(runHookProcess('PostToolUse', { ...fixture(name, vars), ...patch }, { root: dir.path }).code).toBe(0);
}

async function idOf(toolUseId: string): Promise<number> {
  return withStore(dir.path, async (store) => (await store.find({ includeStale: true })).find((d) => d.toolUseId === toolUseId)!.id);
}

describe('ctxkit hook', () => {
  it('does what the entry does', async () => {
    const result = runCtxkit(['hook', 'PostToolUse'], { cwd: dir.path, input: JSON.stringify(fixture('post-tool-use.grep', vars)) });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await idOf('toolu_01GREP')).toBeGreaterThan(0);
    expect(runCtxkit(['hook', 'PostToolUse'], { cwd: dir.path, input: 'nope' })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readLog(dir.path)).toContain('stdin is not valid JSON');
  });
});

describe('ctxkit show', () => {
  const stdout = Array.from({ length: 300 }, (_, i) => `line ${i + 1}${i === 149 ? ' ERROR here' : ''}`).join('\n') + '\n';

  beforeEach(() => capture('post-tool-use.bash', { tool_response: { stdout, stderr: 'warning: slow\n', interrupted: false, isImage: false } }));

  it('prints the original, stdout then stderr', async () => {
    const result = runCtxkit(['show', String(await idOf('toolu_01BASH'))], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${stdout}warning: slow\n`);
  });

  it('prints the bytes exactly when piped: no line break is added to an output that ends without one', async () => {
    capture('post-tool-use.bash', { tool_use_id: 'toolu_nonl', tool_input: { command: 'printf data' }, tool_response: { stdout: stdout.trimEnd(), stderr: '', interrupted: false, isImage: false } });
    expect(runCtxkit(['show', String(await idOf('toolu_nonl'))], { cwd: dir.path }).stdout).toBe(stdout.trimEnd());
  });

  it('--lines and --grep select lines', async () => {
    const id = String(await idOf('toolu_01BASH'));
    expect(runCtxkit(['show', id, '--lines', '2-4'], { cwd: dir.path }).stdout).toBe('line 2\nline 3\nline 4\n');
    expect(runCtxkit(['show', id, '--grep', 'ERROR|warning'], { cwd: dir.path }).stdout).toBe('150:line 150 ERROR here\n301:warning: slow\n');
    expect(runCtxkit(['show', id, '--lines', '4-2'], { cwd: dir.path })).toMatchObject({ code: 2, stderr: expect.stringContaining('expected 1 <= A <= B') });
  });

  it('--json prints the discovery', async () => {
    const id = await idOf('toolu_01BASH');
    const parsed = JSON.parse(runCtxkit(['show', String(id), '--json'], { cwd: dir.path }).stdout);
    expect(parsed).toMatchObject({ id, kind: 'command', key: 'npm test', source: 'original', text: stdout, stderr: 'warning: slow\n', meta: { exitCode: 0 } });
  });

  it('finds the store from a subfolder, and says clearly when an id does not exist', () => {
    expect(runCtxkit(['show', '999'], { cwd: dir.join('src') })).toMatchObject({ code: 2, stderr: expect.stringContaining('No stored discovery with id 999') });
    expect(runCtxkit(['show', 'abc'], { cwd: dir.path })).toMatchObject({ code: 2, stderr: expect.stringContaining("Unexpected id 'abc'") });
  });
});

describe('ctxkit forget', () => {
  it('deletes by path, by session and everything, saying how many rows', async () => {
    capture('post-tool-use.read');
    capture('post-tool-use.bash');
    capture('post-tool-use.read', { session_id: 'other-session', tool_use_id: 'toolu_other', tool_input: { file_path: dir.join('docs/notes.md') }, tool_response: { type: 'text', file: { filePath: dir.join('docs/notes.md'), content: 'notes\n', numLines: 2, startLine: 1, totalLines: 2 } } });
    expect(runCtxkit(['forget', '--path', 'src/**'], { cwd: dir.path })).toEqual({ code: 0, stdout: 'Deleted 1 row (1 discoveries).\n', stderr: '' });
    expect(runCtxkit(['forget', '--session', 'other-session'], { cwd: dir.path }).stdout).toBe('Deleted 2 rows (1 discoveries, 1 sessions).\n');
    expect(runCtxkit(['forget', '--all'], { cwd: dir.path }).stdout).toMatch(/^Deleted 3 rows \(1 discoveries, 1 originals, 1 sessions\)\.\n$/);
    await withStore(dir.path, async (store) => expect(await store.counts()).toMatchObject({ discoveries: 0, sessions: 0 }));
  });

  it('forgets spooled captures too, and leaves no session of theirs in the content-seen index', () => {
    capture('post-tool-use.read', { session_id: 'spooled-session' });
    expect(readdirSync(dir.join('.ctxkit/spool')).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(runCtxkit(['forget', '--session', 'spooled-session'], { cwd: dir.path }).stdout).toBe('Deleted 2 rows (1 discoveries, 1 sessions).\n');
    expect(readdirSync(dir.join('.ctxkit/spool'))).toEqual([]);
    expect(existsSync(dir.join('.ctxkit/seen'))).toBe(false);
  });

  it('needs exactly one scope', () => {
    expect(runCtxkit(['forget'], { cwd: dir.path })).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one of') });
    expect(runCtxkit(['forget', '--all', '--session', 'x'], { cwd: dir.path }).code).toBe(2);
  });

  it('has nothing to do without a store', () => {
    expect(runCtxkit(['forget', '--all'], { cwd: dir.path })).toMatchObject({ code: 0, stdout: expect.stringContaining('Nothing to forget') });
  });
});
