import { cpSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFolderName } from '../src/claude/transcript/project-folder.js';
import { recordToUsageRow } from '../src/stats/usage-row.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { storePaths } from '../src/store/store-paths.js';
import { runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

// `npm run build` first: these spawn the built bin/ctxkit.js.
const FIXTURE = fileURLToPath(new URL('./fixtures/transcripts/projects/-home-dev-proj', import.meta.url));
const S1 = '5f0c3a8e-2b1d-4c7a-9e3f-1a2b3c4d5e6f';

let dir: TestDir | undefined;
afterEach(() => {
  dir?.cleanup();
  dir = undefined;
});

/** A project folder plus a Claude config folder holding the fixture transcripts under the project's name. */
function project(): { cwd: string; env: Record<string, string> } {
  dir = testdir({ 'proj/README.md': 'x' });
  const cwd = realpathSync(dir.join('proj'));
  cpSync(FIXTURE, dir.join('claude', 'projects', projectFolderName(cwd)), { recursive: true });
  return { cwd, env: { CLAUDE_CONFIG_DIR: dir.join('claude'), CLAUDE_PROJECT_DIR: '' } };
}

describe('ctxkit stats', () => {
  it("reads this project's transcripts from Claude Code's folder and prints the table", () => {
    const { cwd, env } = project();
    const result = runCli(['stats'], { cwd, env });
    expect(result.code).toBe(0);
    const review = result.stdout.split('\n').find((line) => line.startsWith('5f0c3a8e'));
    expect(review?.trim().split(/\s{2,}/).slice(0, 4)).toEqual(['5f0c3a8e', '/review', '2026-11-20 09:00', '10,280']);
    expect(result.stdout).toContain('ctxkit figures unavailable');
    expect(result.stderr).toContain('no ctxkit store');
  });

  it('prints JSON with --json and keeps whole sessions active since --since', () => {
    const { cwd, env } = project();
    const result = runCli(['stats', '--json', '--since', '2026-11-01'], { cwd, env });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.since).toBe('2026-11-01T00:00:00.000Z');
    expect(report.sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([S1]);
    expect(report.sessions[0].used.total).toBe(10280);
    expect(report.sessions[0].usedBySubagents.total).toBe(3331);
    expect(report.accounting).toBe('unavailable');
  });

  it('reads a file or folder named with --transcripts', () => {
    dir = testdir();
    const result = runCli(['stats', '--json', '--transcripts', `${FIXTURE}/${S1}.jsonl`], { cwd: dir.path, env: { CLAUDE_CONFIG_DIR: dir.join('none') } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals.used.total).toBe(10280);
  });

  it('explains a bad --since or a missing --transcripts path and exits 2', () => {
    dir = testdir();
    const since = runCli(['stats', '--since', 'last tuesday'], { cwd: dir.path });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain("--since expects a date (2026-11-01), an ISO time or a span like 12h, 7d or 2w, got 'last tuesday'");
    const missing = runCli(['stats', '--transcripts', 'nowhere'], { cwd: dir.path });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read transcripts at 'nowhere': ENOENT");
  });

  it("joins ctxkit's records from the store", async () => {
    const { cwd, env } = project();
    const { store } = openSqliteStore(storePaths(cwd).db);
    await store.addUsage([
      recordToUsageRow({ kind: 'inflight', sessionId: S1, tool: 'Bash', family: 'log', tokensBefore: 5000, tokensAfter: 800, at: 0 }, Date.parse('2026-11-20T09:05:00Z')),
    ]);
    await store.close();
    const report = JSON.parse(runCli(['stats', '--json'], { cwd, env }).stdout);
    const session = report.sessions.find((s: { sessionId: string }) => s.sessionId === S1);
    expect(report.accounting).toBe('available');
    expect(session.savings.find((line: { method: string }) => line.method === 'inflight-compression').tokens).toBe(4200);
  });
});
