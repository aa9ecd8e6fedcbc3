// The subagent pool and `ctxkit stats` with the real Claude Code CLI: ctxkit installed into a temp repo, the model
// (the Messages API stand-in) asks for several subagents in ONE turn, and the pool admits as many as
// pool.maxConcurrent allows. Needs the built package (`npm run build`); runs a private snapshot of dist/.
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastToolResults, toolResultText } from '../../scripts/messages-api/inspect-request.js';
import type { Script } from '../../scripts/messages-api/server.js';
import { CTXKIT_CONTEXT_MARKER } from '../../src/claude/transcript/marker.js';
import { estimateTokens } from '../../src/tokens/estimate-tokens.js';
import { ENTRY, runCtxkit } from '../fixtures/hooks/run-hook-process.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude, type ClaudeRun } from './helpers/run-claude.js';
import { hookProblems, transcriptAttachments } from './helpers/transcript-attachments.js';

const PARTS = ['alpha', 'beta', 'gamma'];

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A temp repo with ctxkit installed (isolated HOME) and the given pool settings. */
function installedRepo(pool: Record<string, number>) {
  expect(existsSync(ENTRY), 'dist/hooks/entry.cjs is missing: run npm run build').toBe(true);
  const repo = gitRepo({ 'src/alpha.ts': 'export const alpha = 1;\n', 'src/beta.ts': 'export const beta = 2;\n', 'src/gamma.ts': 'export const gamma = 3;\n' });
  cleanups.push(repo.cleanup);
  writeFileSync(repo.join('ctxkit.config.json'), `${JSON.stringify({ pool }, null, 2)}\n`);
  const home = makeIsolatedHome();
  const env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') };
  const install = runCtxkit(['install'], { cwd: repo.path, env });
  expect(install, install.stderr).toMatchObject({ code: 0 });
  return { repo, home, env };
}

/** One turn: a failing command, then three Agent calls in ONE reply, then an answer. */
function fanOutScript(): Script {
  return {
    rules: [
      ...PARTS.map((part) => ({ name: `sub-${part}`, when: { isSubagent: true, lastUserTextIncludes: `Survey part ${part}` }, reply: { text: `Part ${part} surveyed: it exports ${part}.` } })),
      {
        name: 'failing-bash',
        when: { isSubagent: false, hasToolResult: false },
        reply: { toolUses: [{ name: 'Bash', id: 'toolu_bash_fail', input: { command: 'ls missing-dir', description: 'List a missing folder' } }] },
      },
      {
        name: 'fan-out',
        when: { isSubagent: false, toolResultFor: 'toolu_bash_fail' },
        reply: {
          toolUses: PARTS.map((part) => ({ name: 'Agent', id: `toolu_agent_${part}`, input: { description: `Survey ${part}`, prompt: `Survey part ${part} of the code`, subagent_type: 'general-purpose' } })),
        },
      },
      { name: 'answer', when: { isSubagent: false, toolResultFor: 'toolu_agent_alpha' }, reply: { text: 'The survey is done.' } },
    ],
  };
}

function expectCleanRun(run: ClaudeRun): void {
  expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
  expect(run.outsideRequests).toEqual([]);
  expect(hookProblems(run.transcriptDir)).toEqual([]);
}

describe('the subagent pool with a real Claude Code session', () => {
  it('denies the third of three parallel Agent calls with pool.maxConcurrent 2, and stats reports the session', async () => {
    const { repo, home, env } = installedRepo({ maxConcurrent: 2 });
    const run = await runClaude({ cwd: repo.path, home, prompt: 'Survey the code in parallel', allowedTools: ['Read', 'Bash', 'Agent'], script: fanOutScript() });
    cleanups.push(run.cleanup);
    expectCleanRun(run);

    // The request after the turn carries the three tool results: one is ctxkit's denial, two are reports.
    const answer = run.modelRequests.find((request) => request.matched === 'answer');
    expect(answer).toBeDefined();
    const results = lastToolResults(answer!.body).filter((block) => String(block.tool_use_id).startsWith('toolu_agent_'));
    expect(results).toHaveLength(3);
    const denied = results.filter((block) => block.is_error === true);
    expect(denied).toHaveLength(1);
    expect(toolResultText(denied[0])).toContain('ctxkit pool: 2 subagents are running in this project; the limit is 2 (pool.maxConcurrent). Retry this Agent call in about 30 seconds');
    const reports = results.filter((block) => block.is_error !== true).map(toolResultText);
    expect(reports.every((text: string) => /Part \w+ surveyed/.test(text))).toBe(true);
    const subagents = new Set(run.modelRequests.filter((request) => request.role === 'subagent').map((request) => request.agentId));
    expect(subagents.size).toBe(2);

    const sessionId = String(run.result?.session_id);
    const db = new Database(repo.join('.ctxkit/ctxkit.db'), { readonly: true, fileMustExist: true });
    try {
      const pool = db.prepare("SELECT ref FROM usage WHERE kind = 'pool' AND session_id = ? ORDER BY id").pluck().all(sessionId) as string[];
      const events = pool.map((ref) => JSON.parse(ref).event);
      expect(events.filter((event) => event === 'lease')).toHaveLength(2);
      expect(events.filter((event) => event === 'deny')).toHaveLength(1);
      expect(events.filter((event) => event === 'release')).toHaveLength(2);
      expect(db.prepare('SELECT count(*) FROM leases WHERE released_at IS NULL').pluck().get()).toBe(0);
      // The failing command was captured by the PostToolUseFailure hook, with its exit status.
      const failed = db.prepare("SELECT summary, meta FROM discoveries WHERE tool_use_id = 'toolu_bash_fail'").get() as { summary: string; meta: string };
      expect(failed.summary).toContain('Exit code 2');
      expect(JSON.parse(failed.meta)).toMatchObject({ failed: true, exitCode: 2, interrupted: false });
    } finally {
      db.close();
    }

    // `ctxkit stats` on the isolated HOME's transcripts: tokens once per message.id, subagents, ctxkit's own figures.
    const stats = runCtxkit(['stats', '--json', '--transcripts', run.transcriptDir], { cwd: repo.path, env });
    expect(stats, stats.stderr).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(stats.stdout);
    expect(report.accounting).toBe('available');
    const session = report.sessions.find((candidate: { sessionId: string }) => candidate.sessionId === sessionId);
    const modelUsage = run.result?.modelUsage['claude-sonnet-4-5'];
    expect(session.used).toMatchObject({
      inputTokens: modelUsage.inputTokens,
      outputTokens: modelUsage.outputTokens,
      cacheReadInputTokens: modelUsage.cacheReadInputTokens,
      cacheCreationInputTokens: modelUsage.cacheCreationInputTokens,
    });
    expect(session.subagents).toBe(2);
    expect(session.poolLeases).toBe(2);
    expect(session.poolDenials).toBe(1);
    // Whatever ctxkit injected is what reached the model, counted from the transcripts, and it is netted as a cost.
    const injectedBlocks = transcriptAttachments(run.transcriptDir).filter(
      (attachment) => attachment.type === 'hook_additional_context' && ['SessionStart', 'UserPromptSubmit', 'SubagentStart'].includes(String(attachment.hookEvent)),
    );
    const injectedTexts = injectedBlocks.flatMap((attachment) => (Array.isArray(attachment.content) ? attachment.content : [attachment.content])).filter((text): text is string => typeof text === 'string' && text.startsWith(CTXKIT_CONTEXT_MARKER));
    expect(session.injected).toMatchObject({ tokens: injectedTexts.reduce((sum, text) => sum + estimateTokens(text), 0), blocks: injectedTexts.length, source: 'transcript' });
    const line = (method: string) => session.savings.find((candidate: { method: string }) => candidate.method === method);
    expect(line('injected-context').tokens).toBe(-session.injected.tokens);
    expect(line('pool-denials')).toMatchObject({ count: 1, tokens: -estimateTokens(toolResultText(denied[0])) });
    expect(session.netSaved).toBe(session.savings.reduce((sum: number, candidate: { tokens: number }) => sum + candidate.tokens, 0));
  });

  it('after a StopFailure rate_limit, the next session gets the lowered limit and the rate-limit reason', async () => {
    const { repo, home } = installedRepo({ maxConcurrent: 2, cooldownSeconds: 600 });
    const limited = await runClaude({
      cwd: repo.path,
      home,
      prompt: 'hello',
      allowedTools: ['Read'],
      script: { rules: [{ name: 'limited', when: {}, reply: { error: { status: 429, type: 'rate_limit_error', message: 'Number of request tokens has exceeded your rate limit' } } }] },
    });
    cleanups.push(limited.cleanup);
    expect(limited.result).toMatchObject({ is_error: true });
    expect(hookProblems(limited.transcriptDir)).toEqual([]);

    const script: Script = {
      rules: [
        ...PARTS.slice(0, 2).map((part) => ({ name: `sub-${part}`, when: { isSubagent: true, lastUserTextIncludes: `Survey part ${part}` }, reply: { text: `Part ${part} surveyed.` } })),
        {
          name: 'fan-out',
          when: { isSubagent: false, hasToolResult: false },
          reply: { toolUses: PARTS.slice(0, 2).map((part) => ({ name: 'Agent', id: `toolu_agent_${part}`, input: { description: `Survey ${part}`, prompt: `Survey part ${part} of the code`, subagent_type: 'general-purpose' } })) },
        },
        { name: 'answer', when: { isSubagent: false, toolResultFor: 'toolu_agent_alpha' }, reply: { text: 'Done.' } },
      ],
    };
    const run = await runClaude({ cwd: repo.path, home, prompt: 'Survey two parts', allowedTools: ['Read', 'Agent'], script });
    expectCleanRun(run);
    const answer = run.modelRequests.find((request) => request.matched === 'answer');
    const results = lastToolResults(answer!.body);
    const denied = results.filter((block) => block.is_error === true).map(toolResultText);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatch(/ctxkit pool: 1 subagent is running in this project; the limit is 1, lowered from 2 after a rate_limit error \d+ seconds ago\. It rises by 1 in \d+ seconds and is back to 2 in \d+ seconds\. Retry this Agent call in about \d+ seconds/);
    expect(new Set(run.modelRequests.filter((request) => request.role === 'subagent').map((request) => request.agentId)).size).toBe(1);
  });
});
