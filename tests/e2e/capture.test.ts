// ctxkit installed into a repo, then a real Claude Code session: every hook event must reach ctxkit's runtime and land
// in the store, with no hook error seen by Claude Code; after uninstall nothing fires any more.
//
// Needs the built package (`npm run build`): the hooks run dist/hooks/entry.cjs, the CLI runs bin/ctxkit.js. A missing
// build fails the test.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Script } from '../../scripts/messages-api/server.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude, type ClaudeRun } from './helpers/run-claude.js';
import { hookProblems, transcriptAttachments } from './helpers/transcript-attachments.js';

const ENTRY = fileURLToPath(new URL('../../dist/hooks/entry.cjs', import.meta.url));

const FILES = {
  'src/store.ts': 'export function openStore(path: string) {\n  return { path };\n}\n',
  'src/search.ts': 'export function rankResults(hits: string[]) {\n  return hits.sort();\n}\n',
  'README.md': '# sample project\n',
};
const AGENT_TASK = 'Read src/search.ts and report what it exports';
const AGENT_REPORT = 'src/search.ts exports rankResults, which sorts hits.';

/** A session that reads and greps, runs a command that succeeds and one that fails, then delegates a read to a subagent. */
function sessionScript(repo: string): Script {
  return {
    rules: [
      { name: 'sub-read', when: { isSubagent: true, lastUserTextIncludes: AGENT_TASK }, reply: { toolUses: [{ name: 'Read', id: 'toolu_sub_read', input: { file_path: join(repo, 'src/search.ts') } }] } },
      { name: 'sub-report', when: { isSubagent: true, toolResultFor: 'toolu_sub_read' }, reply: { text: AGENT_REPORT } },
      {
        name: 'explore',
        when: { isSubagent: false, lastUserTextIncludes: 'Explore the store' },
        reply: {
          toolUses: [
            { name: 'Read', id: 'toolu_read', input: { file_path: join(repo, 'src/store.ts') } },
            { name: 'Grep', id: 'toolu_grep', input: { pattern: 'export function', output_mode: 'content' } },
          ],
        },
      },
      {
        name: 'bash',
        when: { isSubagent: false, toolResultFor: 'toolu_grep' },
        reply: {
          toolUses: [
            { name: 'Bash', id: 'toolu_bash', input: { command: 'ls src', description: 'List sources' } },
            { name: 'Bash', id: 'toolu_bash_fail', input: { command: 'ls missing-dir', description: 'List a missing folder' } },
          ],
        },
      },
      {
        name: 'delegate',
        when: { isSubagent: false, toolResultFor: 'toolu_bash' },
        reply: { toolUses: [{ name: 'Agent', id: 'toolu_agent', input: { description: 'Summarize search', prompt: AGENT_TASK, subagent_type: 'general-purpose' } }] },
      },
      { name: 'answer', when: { isSubagent: false, toolResultFor: 'toolu_agent' }, reply: { text: 'The store opens by path; search ranks hits.' } },
    ],
  };
}

/** Git's blob id of a file's bytes: what ctxkit keys file discoveries by. */
function gitBlobHash(path: string): string {
  const bytes = readFileSync(path);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Every row of every ctxkit table, for a before/after comparison. */
function dumpStore(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

describe('ctxkit install + a real Claude Code session', () => {
  it('captures Read, Grep, Bash (exit 0 and exit 2) and a subagent report, and stops capturing after uninstall', async () => {
    expect(existsSync(ENTRY), 'dist/hooks/entry.cjs is missing: run npm run build').toBe(true);
    const repo = gitRepo(FILES);
    cleanups.push(repo.cleanup);
    const home = makeIsolatedHome();
    const isolatedEnv = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude'), CTXKIT_DEBUG: '1' };

    const install = runCli(['install'], { cwd: repo.path, env: isolatedEnv });
    expect(install, install.stderr).toMatchObject({ code: 0 });
    // The package root is outside the repo, so the settings name the entry by its absolute path.
    const settingsFile = repo.join('.claude/settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    const handlers = Object.values(settings.hooks as Record<string, Array<{ hooks: Array<{ command: string; args?: string[]; timeout?: number }> }>>)
      .flat()
      .flatMap((group) => group.hooks);
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      expect(handler).toMatchObject({ command: expect.stringMatching(/node/), args: [ENTRY, expect.any(String)], timeout: expect.any(Number) });
    }

    const run: ClaudeRun = await runClaude({
      cwd: repo.path,
      home,
      prompt: 'Explore the store code',
      allowedTools: ['Read', 'Grep', 'Glob', 'Bash', 'Agent'],
      env: { CTXKIT_DEBUG: '1' },
      script: sessionScript(repo.path),
    });
    cleanups.push(run.cleanup);
    expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
    expect(run.outsideRequests).toEqual([]);
    expect(run.modelRequests.map((request) => request.matched)).toEqual(['explore', 'bash', 'delegate', 'sub-read', 'sub-report', 'answer']);
    const sessionId = run.result?.session_id as string;
    const agentId = run.modelRequests.find((request) => request.role === 'subagent')?.agentId as string;
    expect(agentId).toBeTruthy();

    // Claude Code ran ctxkit's hooks without a single failure, and whatever they printed was valid JSON.
    expect(hookProblems(run.transcriptDir)).toEqual([]);
    for (const attachment of transcriptAttachments(run.transcriptDir)) {
      if (attachment.type !== 'hook_success' || !String(attachment.command ?? '').includes(ENTRY)) continue;
      const stdout = String(attachment.stdout ?? '').trim();
      if (stdout.length > 0) expect(() => JSON.parse(stdout), `stdout of ${attachment.hookName}`).not.toThrow();
    }

    const storeDb = repo.join('.ctxkit/ctxkit.db');
    expect(existsSync(storeDb)).toBe(true);
    const db = new Database(storeDb, { readonly: true, fileMustExist: true });
    try {
      const session = db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as Record<string, unknown> | undefined;
      expect(session).toMatchObject({ id: sessionId, source: 'startup' });
      expect(session?.ended_at).not.toBeNull();

      const discoveries = db.prepare('SELECT * FROM discoveries WHERE session_id = ? ORDER BY id').all(sessionId) as Array<Record<string, any>>;
      const byToolUse = (id: string) => discoveries.find((row) => row.tool_use_id === id);
      const fileKeys = (relative: string) => [relative, repo.join(relative)];

      const read = byToolUse('toolu_read');
      expect(read).toMatchObject({ kind: 'file', tool_name: 'Read', agent_id: null, content_hash: gitBlobHash(repo.join('src/store.ts')) });
      expect(fileKeys('src/store.ts')).toContain(read?.key);

      const grep = byToolUse('toolu_grep');
      expect(grep).toMatchObject({ kind: 'search', tool_name: 'Grep', key: 'export function' });

      const bash = byToolUse('toolu_bash');
      expect(bash).toMatchObject({ kind: 'command', tool_name: 'Bash', key: 'ls src' });
      expect(JSON.parse(bash?.meta ?? '{}')).toMatchObject({ exitCode: 0 });
      // A failing command fires PostToolUseFailure, which ctxkit captures with its exit status.
      const failed = byToolUse('toolu_bash_fail');
      expect(failed).toMatchObject({ kind: 'command', key: 'ls missing-dir' });
      expect(failed?.summary).toContain('Exit code 2');

      const subRead = byToolUse('toolu_sub_read');
      expect(subRead).toMatchObject({ kind: 'file', agent_id: agentId, agent_type: 'general-purpose', content_hash: gitBlobHash(repo.join('src/search.ts')) });
      expect(fileKeys('src/search.ts')).toContain(subRead?.key);

      const agent = db.prepare('SELECT * FROM agents WHERE id = ?').get(agentId) as Record<string, unknown> | undefined;
      expect(agent).toMatchObject({ id: agentId, session_id: sessionId, agent_type: 'general-purpose' });
      expect(agent?.stopped_at).not.toBeNull();

      const report = discoveries.find((row) => row.kind === 'agent-report');
      expect(report?.summary).toContain('rankResults');
      const handoff = db.prepare('SELECT * FROM handoffs WHERE discovery_id = ?').get(report?.id) as Record<string, unknown> | undefined;
      expect(handoff).toMatchObject({ session_id: sessionId, task: AGENT_TASK });
    } finally {
      db.close();
    }
    // The hook log (`time<TAB>event<TAB>level<TAB>message`, debug lines on with CTXKIT_DEBUG=1) has no error entry,
    // and shows each event of the session reaching ctxkit's runtime and finishing ("done in N ms").
    const log = repo.join('.ctxkit/hooks.log');
    expect(existsSync(log)).toBe(true);
    const logLines = () => readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0);
    expect(logLines().filter((line) => line.split('\t')[2] === 'error')).toEqual([]);
    const finished = () => new Set(logLines().filter((line) => line.split('\t')[3]?.startsWith('done in')).map((line) => line.split('\t')[1]));
    for (const event of ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop', 'Stop', 'SessionEnd']) {
      expect(finished(), event).toContain(event);
    }

    // /compact on the resumed session: PreCompact and PostCompact run ctxkit, the summary is kept, and the SessionStart
    // that follows (source compact) gives the session back its working set.
    const compact = await runClaude({
      cwd: repo.path,
      home,
      prompt: '/compact',
      allowedTools: ['Read', 'Grep', 'Glob', 'Bash', 'Agent'],
      env: { CTXKIT_DEBUG: '1' },
      extraArgs: ['--resume', sessionId],
      script: { default: { text: '<summary>The user explores the store code: openStore in src/store.ts, rankResults in src/search.ts.</summary>' } },
    });
    cleanups.push(compact.cleanup);
    expect({ code: compact.code, timedOut: compact.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(compact.outsideRequests).toEqual([]);
    expect(hookProblems(compact.transcriptDir)).toEqual([]);
    for (const event of ['PreCompact', 'PostCompact']) expect(finished(), event).toContain(event);
    expect(logLines().filter((line) => line.split('\t')[2] === 'error')).toEqual([]);
    const compacted = new Database(storeDb, { readonly: true, fileMustExist: true });
    try {
      const summary = compacted.prepare("SELECT summary FROM discoveries WHERE session_id = ? AND kind = 'compaction'").get(sessionId) as { summary: string } | undefined;
      expect(summary?.summary).toContain('openStore in src/store.ts');
    } finally {
      compacted.close();
    }
    const restart = transcriptAttachments(compact.transcriptDir).find(
      (attachment) => attachment.hookName === 'SessionStart:compact' && String(attachment.command ?? '').includes(ENTRY),
    );
    expect(String(restart?.stdout ?? '')).toContain('src/store.ts');

    // Uninstall: the settings lose ctxkit's hooks, and a new session leaves the store exactly as it was.
    const uninstall = runCli(['uninstall'], { cwd: repo.path, env: isolatedEnv });
    expect(uninstall, uninstall.stderr).toMatchObject({ code: 0 });
    if (existsSync(settingsFile)) expect(readFileSync(settingsFile, 'utf8')).not.toContain(ENTRY);
    const before = dumpStore(storeDb);
    const after = await runClaude({
      cwd: repo.path,
      home,
      prompt: 'Explore the store code',
      allowedTools: ['Read', 'Grep', 'Glob', 'Bash', 'Agent'],
      script: sessionScript(repo.path),
    });
    expect({ code: after.code, timedOut: after.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(after.result?.session_id).not.toBe(sessionId);
    expect(dumpStore(storeDb)).toEqual(before);
    const newSession = String(after.result?.session_id);
    const ctxkitRuns = transcriptAttachments(after.transcriptDir).filter(
      (attachment) => attachment.file.includes(newSession) && String(attachment.command ?? '').includes(ENTRY),
    );
    expect(ctxkitRuns).toEqual([]);
  });
});
