import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, readLog, runCtxkit, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';
import { gitBlobHash } from '../src/capture/git-blob-hash.js';

// Run `npm run build` first: these tests start the built dist/hooks/entry.cjs as Claude Code does.

let dir: TestDir;
let vars: Record<string, string>;
const SESSION = '7403b83f-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const CONFIG_TS = 'export function loadConfig() {\n  return {};\n}\n';

beforeEach(() => {
  dir = testdir({ 'src/config.ts': CONFIG_TS, 'transcript.jsonl': '' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
});
afterEach(() => dir.cleanup());

function run(name: string, event: string, patch: Record<string, unknown> = {}) {
  const result = runHookProcess(event, { ...fixture(name, vars), ...patch }, { root: dir.path });
  expect(result, `${event} ${name}`).toEqual({ code: 0, stdout: '', stderr: '' });
  return result;
}

describe('hook entry: capture per event', () => {
  it('follows a session from start to end, keeping sessions, agents, discoveries and handoffs', async () => {
    run('session-start', 'SessionStart');
    run('user-prompt-submit', 'UserPromptSubmit');
    run('pre-tool-use.agent', 'PreToolUse');
    run('subagent-start', 'SubagentStart');
    run('post-tool-use.read', 'PostToolUse');
    run('subagent-stop', 'SubagentStop');
    run('post-tool-use.agent', 'PostToolUse');
    run('post-tool-use.grep', 'PostToolUse');
    run('post-tool-use.glob', 'PostToolUse');
    run('post-tool-use.bash', 'PostToolUse');
    run('post-tool-use.web-fetch', 'PostToolUse');
    run('post-tool-use.web-search', 'PostToolUse');
    run('post-tool-use.mcp', 'PostToolUse');

    await withStore(dir.path, async (store) => {
      const [file] = await store.find({ kinds: ['file'] });
      expect(file).toMatchObject({ key: 'src/config.ts', contentHash: gitBlobHash(CONFIG_TS), agentId: 'a1b2c3d4', agentType: 'Explore', toolUseId: 'toolu_01READ', stale: false });
      const [report] = await store.find({ kinds: ['agent-report'] });
      expect(report).toMatchObject({
        key: 'Find the config loader',
        summary: 'The config is loaded by loadConfig() in src/config.ts.',
        agentId: 'a1b2c3d4',
        handoff: { task: 'Find where the config file is loaded and report the function name.', sources: [{ path: 'src/config.ts', contentHash: gitBlobHash(CONFIG_TS) }] },
      });
      expect(await store.find({ kinds: ['agent-report'], includeStale: true })).toHaveLength(1);
      expect(await store.getAgent('a1b2c3d4')).toMatchObject({ agentType: 'Explore', toolUseId: 'toolu_01AGENT', stoppedAt: expect.any(Number) });
      const byKind = Object.fromEntries((await store.find({ kinds: ['search', 'command', 'web', 'mcp'] })).map((d) => [d.toolUseId, d]));
      expect(byKind.toolu_01GREP).toMatchObject({ kind: 'search', key: 'loadConfig in src', summary: 'src/config.ts:1:export function loadConfig() {' });
      expect(byKind.toolu_01GLOB).toMatchObject({ kind: 'search', key: 'src/**/*.ts', meta: { tool: 'Glob', numFiles: 1 } });
      expect(byKind.toolu_01BASH).toMatchObject({ kind: 'command', key: 'npm test', meta: { exitCode: 0, interrupted: false }, hasOriginal: true });
      expect(byKind.toolu_01BASH.summary).toBe('✓ 12 tests passed\nnpm warn config');
      expect(await store.getOriginal(byKind.toolu_01BASH.id)).toEqual({ text: '\u001b[32m✓\u001b[0m 12 tests passed\n', stderr: 'npm warn config\n' });
      expect(byKind.toolu_01FETCH).toMatchObject({ kind: 'web', key: 'https://example.com/docs', summary: 'The page explains the config file format.' });
      expect(byKind.toolu_01SEARCH).toMatchObject({ kind: 'web', key: 'sqlite wal busy timeout' });
      expect(byKind.toolu_01MCP).toMatchObject({ kind: 'mcp', summary: 'Hooks run commands at lifecycle events.' });
      expect((await store.counts()).sessions).toBe(1);
    });
  });

  it('captures a Read without opening the store (the spool), and every reader of the store sees it', async () => {
    run('post-tool-use.read', 'PostToolUse');
    run('post-tool-use.grep', 'PostToolUse');
    run('post-tool-use.bash', 'PostToolUse');
    // Fast path: nothing opened SQLite; three spooled records and the content-seen index wait beside it.
    expect(existsSync(dir.join('.ctxkit/ctxkit.db'))).toBe(false);
    expect(readdirSync(dir.join('.ctxkit/spool')).filter((name) => name.endsWith('.json'))).toHaveLength(3);
    expect(readdirSync(dir.join('.ctxkit/seen'))).toContain(gitBlobHash(CONFIG_TS).slice(0, 2));
    // Only what the guard watches (Read, Grep, Glob) goes into the index: the Read and the Grep, not the Bash output.
    expect(readdirSync(dir.join('.ctxkit/seen')).flatMap((prefix) => readdirSync(dir.join('.ctxkit/seen', prefix)))).toHaveLength(2);
    const shown = runCtxkit(['show', '1'], { cwd: dir.path });
    expect(shown.code).toBe(0);
    expect(readdirSync(dir.join('.ctxkit/spool'))).toEqual([]);
    await withStore(dir.path, async (store) => {
      expect((await store.find({})).map((d) => d.toolUseId).sort()).toEqual(['toolu_01BASH', 'toolu_01GREP', 'toolu_01READ']);
    });
  });

  it('marks what was read stale after an edit, and records the edit', async () => {
    run('post-tool-use.read', 'PostToolUse');
    dir.write('src/config.ts', CONFIG_TS.replace('return {};', 'return { loaded: true };'));
    run('post-tool-use.edit', 'PostToolUse');
    run('post-tool-use.write', 'PostToolUse');
    await withStore(dir.path, async (store) => {
      expect(await store.find({ kinds: ['file'] })).toEqual([]);
      expect(await store.find({ kinds: ['file'], includeStale: true })).toMatchObject([{ stale: true }]);
      const edits = await store.find({ kinds: ['edit'] });
      expect(edits.map((e) => e.key).sort()).toEqual(['src/config.ts', 'src/new.ts']);
      expect(edits.find((e) => e.key === 'src/config.ts')!.summary).toContain('+  return { loaded: true };');
    });
  });

  it('PostToolBatch captures only the calls PostToolUse missed', async () => {
    run('post-tool-use.grep', 'PostToolUse');
    run('post-tool-batch', 'PostToolBatch');
    await withStore(dir.path, async (store) => {
      const found = await store.find({});
      expect(found.map((d) => d.toolUseId).sort()).toEqual(['toolu_01GREP', 'toolu_01MISSED']);
      expect(found.find((d) => d.toolUseId === 'toolu_01MISSED')).toMatchObject({ kind: 'command', key: 'git status --short', summary: 'M src/config.ts' });
    });
  });

  it('keeps the compaction summary, the last API failure, and closes the session', async () => {
    run('session-start', 'SessionStart');
    run('pre-compact', 'PreCompact');
    run('post-compact', 'PostCompact');
    run('stop-failure', 'StopFailure');
    run('stop', 'Stop');
    run('session-end', 'SessionEnd');
    await withStore(dir.path, async (store) => {
      const [compaction] = await store.find({ kinds: ['compaction'] });
      expect(compaction).toMatchObject({ key: 'compaction (manual)', sessionId: SESSION });
      expect(compaction.summary).toContain('loadConfig() in src/config.ts');
      expect(JSON.parse((await store.getState('failure:last'))!)).toMatchObject({ error: 'rate_limit', sessionId: SESSION });
    });
    const db = (await import('better-sqlite3')).default;
    const raw = new db(dir.join('.ctxkit', 'ctxkit.db'), { readonly: true });
    expect(raw.prepare('SELECT source, end_reason, ended_at IS NOT NULL AS ended FROM sessions').get()).toEqual({ source: 'startup', end_reason: 'other', ended: 1 });
    raw.close();
  });

  it('reconciles tool results from the transcript that no hook recorded, once', async () => {
    const lines = [
      { type: 'user', message: { role: 'user', content: 'list src' } },
      { type: 'assistant', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_T1', name: 'Bash', input: { command: 'ls src' } }] } },
      { type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_T1', content: 'config.ts' }] }, toolUseResult: { stdout: 'config.ts', stderr: '', interrupted: false, isImage: false } },
    ];
    dir.write('transcript.jsonl', `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"type":"assist`);
    run('stop', 'Stop');
    run('session-end', 'SessionEnd');
    await withStore(dir.path, async (store) => {
      expect((await store.find({})).map((d) => [d.toolUseId, d.key, d.summary])).toEqual([['toolu_T1', 'ls src', 'config.ts']]);
    });
  });

  it('captures the real 2.1.197 payloads', async () => {
    const real = (name: string) => {
      const payload = JSON.parse(readFileSync(new URL(`./fixtures/hooks/real/${name}.json`, import.meta.url), 'utf8').split('/home/dev/proj').join(dir.path)) as Record<string, unknown>;
      const result = runHookProcess(payload.hook_event_name as string, payload, { root: dir.path });
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    };
    dir.write('docs/plan.md', '# plan\nship the store first\n');
    for (const name of ['SessionStart', 'UserPromptSubmit', 'PreToolUse-Agent', 'SubagentStart', 'PostToolUse-Read-in-subagent', 'SubagentStop', 'PostToolUse-Agent', 'PostToolUse-Bash', 'PostToolUse-Grep', 'PostToolUse-Glob', 'PostToolUse-Read', 'PostToolBatch', 'Stop', 'SessionEnd']) real(name);
    expect(readLog(dir.path)).toBe('');
    await withStore(dir.path, async (store) => {
      const [report] = await store.find({ kinds: ['agent-report'] });
      expect(report).toMatchObject({ key: 'Read the plan', summary: 'First step: ship the store.', handoff: { task: 'Read docs/plan.md and report the first step', sources: [{ path: 'docs/plan.md' }] } });
      expect((await store.find({ kinds: ['search'] })).map((d) => d.key).sort()).toEqual(['alpha', 'src/*.ts']);
    });
  });
});

describe('hook entry: privacy', () => {
  it('never captures excluded paths and redacts secrets and private spans', async () => {
    dir.write('.env', 'API_KEY=abc123\n');
    const read = fixture('post-tool-use.read', vars) as { tool_input: Record<string, unknown>; tool_response: { file: Record<string, unknown> } };
    read.tool_input.file_path = dir.join('.env');
    read.tool_response.file.filePath = dir.join('.env');
    read.tool_response.file.content = 'API_KEY=abc123\n';
    expect(runHookProcess('PostToolUse', read, { root: dir.path }).stdout).toBe('');
    const secret = 'ghp_' + 'A'.repeat(36);
    run('post-tool-use.bash', 'PostToolUse', {
      tool_input: { command: `curl -H "Authorization: Bearer ${secret}" https://example.com` },
      tool_response: { stdout: `token=${secret}\n<private>my notes</private>\nDB_PASSWORD=hunter2\n`, stderr: '', interrupted: false, isImage: false },
    });
    await withStore(dir.path, async (store) => {
      expect(await store.find({ kinds: ['file'], includeStale: true })).toEqual([]);
      const [command] = await store.find({ kinds: ['command'] });
      const stored = JSON.stringify([command, await store.getOriginal(command.id)]);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain('hunter2');
      expect(stored).not.toContain('my notes');
      expect(command.summary).toContain('[REDACTED:private]');
      expect(command.summary).toContain('DB_PASSWORD=[REDACTED:env]');
    });
    const db = readFileSync(dir.join('.ctxkit', 'ctxkit.db')).toString('latin1') + (() => { try { return readFileSync(dir.join('.ctxkit', 'ctxkit.db-wal')).toString('latin1'); } catch { return ''; } })();
    expect(db).not.toContain('abc123');
    expect(db).not.toContain(secret);
  });
});
