// The session pair through the real Claude Code CLI and the Messages API stand-in, ctxkit installed: session 1
// explores (parallel Reads, Grep, Glob, a subagent that hands off), a file changes between sessions, then session 2
// asks again, starts a subagent on an overlapping task, and edits a file it has just Read. Asserts what the model was
// actually sent. The numbers (tokens spent on rediscovery without ctxkit, with hint, with enforce) come from
// scripts/bench/session-pair.js, which runs the same scenario.
//
// Needs the built package (`npm run build`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWED_TOOLS,
  CHANGED_READ_ID,
  EDIT_ID,
  EDIT_NEW,
  FRESH_MARKER,
  LEGACY_MARKER,
  PROMPT_ONE,
  PROMPT_TWO,
  REDISCOVERY_IDS,
  editBetweenSessions,
  injectedBlocks,
  sessionOneScript,
  sessionPairFiles,
  sessionTwoScript,
  toolResults,
} from '../../scripts/bench/session-pair-scenario.js';
import { runCli } from '../helpers/run-cli.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude, type ClaudeRun } from './helpers/run-claude.js';
import { hookProblems } from './helpers/transcript-attachments.js';

const ENTRY = fileURLToPath(new URL('../../dist/hooks/entry.cjs', import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function sessionPair(guardMode: 'hint' | 'enforce'): Promise<{ one: ClaudeRun; two: ClaudeRun; repo: ReturnType<typeof gitRepo> }> {
  expect(existsSync(ENTRY), 'dist/hooks/entry.cjs is missing: run npm run build').toBe(true);
  const repo = gitRepo(sessionPairFiles());
  cleanups.push(repo.cleanup);
  const home = makeIsolatedHome();
  const install = runCli(['install'], { cwd: repo.path, env: { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') } });
  expect(install, install.stderr).toMatchObject({ code: 0 });
  writeFileSync(repo.join('ctxkit.config.json'), JSON.stringify({ guard: { mode: guardMode } }));

  const one = await runClaude({ cwd: repo.path, home, prompt: PROMPT_ONE, script: sessionOneScript(repo.path), allowedTools: ALLOWED_TOOLS, timeoutMs: 55_000 });
  cleanups.push(one.cleanup);
  expect({ code: one.code, timedOut: one.timedOut, stderr: one.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
  expect(one.modelRequests.map((request) => request.matched)).toEqual(['s1-explore', 's1-delegate', 's1-sub-read', 's1-sub-report', 's1-answer']);

  const config = repo.join('src/config/load-config.ts');
  writeFileSync(config, editBetweenSessions(readFileSync(config, 'utf8')));

  const two = await runClaude({ cwd: repo.path, home, prompt: PROMPT_TWO, script: sessionTwoScript(repo.path), allowedTools: ALLOWED_TOOLS, timeoutMs: 55_000 });
  expect({ code: two.code, timedOut: two.timedOut, stderr: two.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
  expect(two.modelRequests.map((request) => request.matched)).toEqual(['s2-revisit', 's2-delegate', 's2-sub-read', 's2-sub-report', 's2-edit', 's2-answer']);
  for (const run of [one, two]) {
    expect(run.outsideRequests).toEqual([]);
    expect(hookProblems(run.transcriptDir)).toEqual([]);
  }
  const log = repo.join('.ctxkit/hooks.log');
  if (existsSync(log)) expect(readFileSync(log, 'utf8').split('\n').filter((line) => line.split('\t')[2] === 'error')).toEqual([]);
  return { one, two, repo };
}

describe('a session pair through the real Claude Code CLI', () => {
  it('enforce: session 2 and its subagent get fresh context in their own first requests, cross-session re-reads are replaced, and an Edit after a guarded Read succeeds', async () => {
    const { one, two, repo } = await sessionPair('enforce');
    const sessionOne = String(one.result?.session_id).replace(/[^0-9a-zA-Z]/g, '').slice(0, 4);
    const main = two.modelRequests.filter((request) => request.role === 'main');
    const sub = two.modelRequests.filter((request) => request.role === 'subagent');

    // Session 2's first request already carries the injected block, with provenance.
    const firstBlocks = injectedBlocks([main[0]]);
    const promptBlock = firstBlocks.find((block) => block.includes('from earlier sessions'));
    expect(promptBlock, firstBlocks.join('\n---\n')).toBeDefined();
    expect(promptBlock).toMatch(new RegExp(`- src/store/open-database\\.ts \\(read by session ${sessionOne}, `));
    // The file comes as declarations of its skeleton (refined at session 2's start), cut to the injection budget.
    expect(promptBlock).toMatch(/export function openDatabase\b/);
    expect(promptBlock).toContain('(declarations only)');

    // The subagent gets the earlier handoff in ITS first request; the parent never sees that block.
    const subBlocks = injectedBlocks([sub[0]]);
    const subBlock = subBlocks.find((block) => block.includes('from the shared pool for your task'));
    expect(subBlock, subBlocks.join('\n---\n')).toBeDefined();
    expect(subBlock).toContain(`- handoff "Explain ranking" (reported by session ${sessionOne}, general-purpose agent`);
    expect(subBlock).toContain('rankResults returns [...hits].sort(): alphabetical, no scores');
    expect(subBlock).toMatch(/Already covered \(same bytes as on disk now; Read them only for exact lines\): .*src\/search\/rank-results\.ts/);
    expect(injectedBlocks(main).some((block) => block.includes('for your task'))).toBe(false);

    // Nothing stale: the file edited between sessions is never injected with its old content.
    for (const block of injectedBlocks(two.modelRequests)) {
      expect(block).not.toContain(LEGACY_MARKER);
      expect(block).not.toContain('src/config/load-config.ts (read by');
    }

    // enforce replaced every cross-session re-read of unchanged bytes; the changed file came through whole.
    const results = toolResults(two.modelRequests);
    for (const id of REDISCOVERY_IDS.filter((id) => id.includes('_db') || id.includes('_mig') || id.includes('_sub_'))) {
      expect(results.get(id)?.text, id).toMatch(/\[ctxkit\] Same bytes as this file had for session/);
    }
    expect(results.get(CHANGED_READ_ID)?.text).toContain(FRESH_MARKER);
    expect(results.get(CHANGED_READ_ID)?.text).not.toContain('[ctxkit]');

    // The Read was replaced, not denied: Claude Code counted it, so the Edit right after it succeeded.
    expect(results.get(EDIT_ID)?.isError).toBe(false);
    expect(readFileSync(repo.join('src/store/open-database.ts'), 'utf8')).toContain(EDIT_NEW);
  });

  it('hint: the re-read output stays whole and one note names the earlier session', async () => {
    const { two } = await sessionPair('hint');
    const results = toolResults(two.modelRequests);
    expect(results.get('toolu_s2_db')?.text).toContain('export function openDatabase(file: string) {');
    expect(results.get('toolu_s2_db')?.text).not.toContain('[ctxkit] Same bytes');
    const notes = injectedBlocks(two.modelRequests).filter((block) => block.includes('already had this same file content'));
    expect(notes.length).toBeGreaterThan(0);
    expect(results.get(EDIT_ID)?.isError).toBe(false);
  });
});
