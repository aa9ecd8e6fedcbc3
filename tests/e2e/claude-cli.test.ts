// The harness against the real Claude Code CLI (2.1.197): the stand-in's replies drive claude, claude's requests and
// hook payloads are what a user's session would produce. Each run takes about a second.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastToolResults, lastUserText, toolResultText } from '../../scripts/messages-api/inspect-request.js';
import type { RecordedRequest } from '../../scripts/messages-api/server.js';
import { testdir, type TestDir } from '../helpers/testdir.js';
import { gitRepo } from './helpers/git-repo.js';
import {
  captureSettings,
  normalizePayload,
  readCapturedPayloads,
  shapeOf,
  writeProjectSettings,
  type HookPayload,
} from './helpers/hook-capture.js';
import { runClaude, transcriptFiles, type ClaudeRun } from './helpers/run-claude.js';
import { hookProblems } from './helpers/transcript-attachments.js';

const FIXTURES = new URL('../fixtures/hooks/real/', import.meta.url);
/** `CTXKIT_UPDATE_FIXTURES=1` rewrites the saved payloads; otherwise each live payload must keep the saved shape. */
const UPDATE_FIXTURES = process.env.CTXKIT_UPDATE_FIXTURES === '1';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function repo(files: Record<string, string>): TestDir {
  const dir = gitRepo(files);
  cleanups.push(dir.cleanup);
  return dir;
}

/** An empty temp folder (hook payloads land here, outside the repo). */
function scratchDir(): string {
  const dir = testdir();
  cleanups.push(dir.cleanup);
  return dir.path;
}

function track(run: ClaudeRun): ClaudeRun {
  cleanups.push(run.cleanup);
  return run;
}

function expectCleanExit(run: ClaudeRun): void {
  expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
  expect(run.outsideRequests).toEqual([]);
}

/** The tool_result for `toolUseId` in the first model request that answers it. */
function toolResultFor(requests: RecordedRequest[], toolUseId: string) {
  for (const request of requests) {
    const block = lastToolResults(request.body).find((result) => result.tool_use_id === toolUseId);
    if (block) return { request, block, text: toolResultText(block) };
  }
  throw new Error(`no request carries a tool_result for ${toolUseId}`);
}

/** Save (or check against) tests/fixtures/hooks/real/<name>.json. */
function keepFixture(name: string, payload: HookPayload | undefined, paths: { cwd: string; home: string }): void {
  expect(payload, `payload for fixture ${name}`).toBeDefined();
  const normalized = normalizePayload(payload as HookPayload, paths);
  const file = new URL(`${name}.json`, FIXTURES);
  if (UPDATE_FIXTURES || !existsSync(file)) {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(file, `${JSON.stringify(normalized, null, 2)}\n`);
    return;
  }
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(shapeOf(normalized), `shape of ${name}`).toEqual(shapeOf(saved));
}

describe('claude -p against the Messages API stand-in', () => {
  it('returns the scripted text and sends the prompt to the model', async () => {
    const dir = repo({ 'README.md': '# sample\n' });
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Say hello to the team',
        allowedTools: ['Read'],
        script: { rules: [{ name: 'hello', when: { lastUserTextIncludes: 'Say hello' }, reply: { text: 'Hello, team.' } }] },
      }),
    );
    expectCleanExit(run);
    expect(run.result).toMatchObject({ type: 'result', subtype: 'success', is_error: false, result: 'Hello, team.' });
    expect(run.modelRequests).toHaveLength(1);
    const [request] = run.modelRequests;
    expect(request).toMatchObject({ role: 'main', matched: 'hello', status: 200 });
    expect(request.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(lastUserText(request.body)).toContain('Say hello to the team');
    expect(request.headers['x-api-key']).toBe('[redacted]');
    // The session transcript lands in the isolated HOME, not the user's.
    const [transcript] = transcriptFiles(run);
    expect(readFileSync(transcript, 'utf8')).toContain('Hello, team.');
  });

  it('executes a scripted Read and sends the file content back in the tool_result', async () => {
    const dir = repo({ 'src/greeting.txt': 'greeting-line-one\ngreeting-line-two\n' });
    const file = dir.join('src/greeting.txt');
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Read the greeting file',
        allowedTools: ['Read'],
        script: {
          rules: [
            { when: { toolResultFor: 'toolu_read_1' }, reply: { text: 'The greeting has two lines.' } },
            { when: { lastUserTextIncludes: 'Read the greeting' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_read_1', input: { file_path: file } }] } },
          ],
        },
      }),
    );
    expectCleanExit(run);
    expect(run.result?.result).toBe('The greeting has two lines.');
    const { request, block, text } = toolResultFor(run.modelRequests, 'toolu_read_1');
    expect(request.sequence).toBeGreaterThan(run.modelRequests[0].sequence);
    expect(block.is_error).toBeFalsy();
    // Claude Code numbers the lines it shows the model.
    expect(text).toContain('1\tgreeting-line-one');
    expect(text).toContain('2\tgreeting-line-two');
  });

  it('runs a project command hook on every event with the real payloads (Read, Grep, Glob in parallel, then Bash)', async () => {
    const dir = repo({
      'src/alpha.ts': 'export const alpha = 1;\n',
      'src/beta.ts': 'export const beta = 2;\n',
      'notes.md': '# notes\nalpha is the first letter\n',
    });
    const hooksOut = scratchDir();
    writeProjectSettings(dir.path, captureSettings(hooksOut));
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Look around the repo',
        allowedTools: ['Read', 'Grep', 'Glob', 'Bash'],
        script: {
          rules: [
            {
              name: 'look',
              when: { lastUserTextIncludes: 'Look around' },
              reply: {
                text: 'Looking.',
                toolUses: [
                  { name: 'Read', id: 'toolu_read', input: { file_path: dir.join('src/alpha.ts') } },
                  { name: 'Grep', id: 'toolu_grep', input: { pattern: 'alpha', output_mode: 'content' } },
                  { name: 'Glob', id: 'toolu_glob', input: { pattern: 'src/*.ts' } },
                ],
              },
            },
            { name: 'bash', when: { toolResultFor: 'toolu_glob' }, reply: { toolUses: [{ name: 'Bash', id: 'toolu_bash', input: { command: 'ls src', description: 'List src' } }] } },
            { name: 'bash-fail', when: { toolResultFor: 'toolu_bash' }, reply: { toolUses: [{ name: 'Bash', id: 'toolu_bash_fail', input: { command: 'ls no-such-dir', description: 'List a missing dir' } }] } },
            { name: 'done', when: { toolResultFor: 'toolu_bash_fail' }, reply: { text: 'Two source files.' } },
          ],
        },
      }),
    );
    expectCleanExit(run);
    expect(run.result?.result).toBe('Two source files.');
    expect(run.modelRequests.map((request) => request.matched)).toEqual(['look', 'bash', 'bash-fail', 'done']);
    const failed = toolResultFor(run.modelRequests, 'toolu_bash_fail');
    expect(failed.block.is_error).toBe(true);
    expect(failed.text).toContain('Exit code 2');
    // Parallel calls come back together in one user message.
    expect(lastToolResults(run.modelRequests[1].body).map((block) => block.tool_use_id).sort()).toEqual(['toolu_glob', 'toolu_grep', 'toolu_read']);

    expect(hookProblems(run.transcriptDir)).toEqual([]);
    const payloads = readCapturedPayloads(hooksOut);
    const find = (event: string, tool?: string) =>
      payloads.find((payload) => payload.hook_event_name === event && (tool === undefined || payload.tool_name === tool));
    for (const payload of payloads) {
      expect(payload).toMatchObject({ session_id: run.result?.session_id, cwd: dir.path });
    }
    expect(find('SessionStart')).toMatchObject({ source: 'startup' });
    expect(find('UserPromptSubmit')).toMatchObject({ prompt: 'Look around the repo' });
    expect(find('PreToolUse', 'Read')).toMatchObject({ tool_use_id: 'toolu_read', tool_input: { file_path: dir.join('src/alpha.ts') } });
    expect(find('PostToolUse', 'Read')).toMatchObject({
      tool_response: { type: 'text', file: { filePath: dir.join('src/alpha.ts'), content: 'export const alpha = 1;\n' } },
    });
    expect(find('PostToolUse', 'Grep')?.tool_response).toMatchObject({ mode: 'content' });
    expect(find('PostToolUse', 'Grep')?.tool_response.content).toContain('alpha');
    // Glob reports paths relative to the cwd.
    expect(find('PostToolUse', 'Glob')?.tool_response.filenames).toEqual(['src/alpha.ts', 'src/beta.ts']);
    expect(find('PostToolUse', 'Bash')).toMatchObject({
      tool_input: { command: 'ls src' },
      tool_response: { stdout: 'alpha.ts\nbeta.ts', stderr: '', interrupted: false },
    });
    // A command that exits non-zero is a failure: PostToolUseFailure, no PostToolUse, and the exit code only in `error`.
    expect(payloads.filter((payload) => payload.tool_use_id === 'toolu_bash_fail').map((payload) => payload.hook_event_name)).toEqual(
      expect.arrayContaining(['PreToolUse', 'PostToolUseFailure']),
    );
    expect(payloads.some((payload) => payload.hook_event_name === 'PostToolUse' && payload.tool_use_id === 'toolu_bash_fail')).toBe(false);
    expect(find('PostToolUseFailure', 'Bash')).toMatchObject({ tool_input: { command: 'ls no-such-dir' } });
    expect(find('PostToolUseFailure', 'Bash')?.error).toContain('Exit code 2');
    const batch = find('PostToolBatch');
    expect(batch?.tool_calls.map((call: { tool_use_id: string }) => call.tool_use_id).sort()).toEqual(['toolu_glob', 'toolu_grep', 'toolu_read']);
    expect(find('Stop')).toMatchObject({ stop_hook_active: false, last_assistant_message: 'Two source files.' });
    expect(find('SessionEnd')).toMatchObject({ reason: 'other' });

    const paths = { cwd: dir.path, home: run.home };
    keepFixture('SessionStart', find('SessionStart'), paths);
    keepFixture('UserPromptSubmit', find('UserPromptSubmit'), paths);
    keepFixture('PreToolUse-Read', find('PreToolUse', 'Read'), paths);
    keepFixture('PostToolUse-Read', find('PostToolUse', 'Read'), paths);
    keepFixture('PostToolUse-Grep', find('PostToolUse', 'Grep'), paths);
    keepFixture('PostToolUse-Glob', find('PostToolUse', 'Glob'), paths);
    keepFixture('PreToolUse-Bash', find('PreToolUse', 'Bash'), paths);
    keepFixture('PostToolUse-Bash', find('PostToolUse', 'Bash'), paths);
    keepFixture('PostToolUseFailure-Bash', find('PostToolUseFailure', 'Bash'), paths);
    keepFixture('PostToolBatch', batch, paths);
    keepFixture('Stop', find('Stop'), paths);
    keepFixture('SessionEnd', find('SessionEnd'), paths);
  });

  it('routes a subagent started by the Agent tool to its own rules and back to the main thread', async () => {
    const dir = repo({ 'docs/plan.md': '# plan\nship the store first\n' });
    const hooksOut = scratchDir();
    writeProjectSettings(dir.path, captureSettings(hooksOut));
    const task = 'Read docs/plan.md and report the first step';
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Ask a helper what the plan says',
        allowedTools: ['Read', 'Agent'],
        script: {
          rules: [
            // Subagent rules first: the subagent's own first message is the Agent call's prompt.
            { name: 'sub-read', when: { isSubagent: true, lastUserTextIncludes: task }, reply: { toolUses: [{ name: 'Read', id: 'toolu_sub_read', input: { file_path: dir.join('docs/plan.md') } }] } },
            { name: 'sub-report', when: { isSubagent: true, toolResultFor: 'toolu_sub_read' }, reply: { text: 'First step: ship the store.' } },
            { name: 'main-delegate', when: { isSubagent: false, lastUserTextIncludes: 'Ask a helper' }, reply: { toolUses: [{ name: 'Agent', id: 'toolu_agent', input: { description: 'Read the plan', prompt: task, subagent_type: 'general-purpose' } }] } },
            { name: 'main-answer', when: { isSubagent: false, toolResultFor: 'toolu_agent' }, reply: { text: 'The helper says: ship the store first.' } },
          ],
        },
      }),
    );
    expectCleanExit(run);
    expect(run.result?.result).toBe('The helper says: ship the store first.');
    expect(run.modelRequests.map((request) => [request.role, request.matched])).toEqual([
      ['main', 'main-delegate'],
      ['subagent', 'sub-read'],
      ['subagent', 'sub-report'],
      ['main', 'main-answer'],
    ]);
    const agentId = run.modelRequests[1].agentId;
    expect(agentId).toMatch(/^a[0-9a-f]+$/);
    expect(run.modelRequests[2].agentId).toBe(agentId);
    // The subagent's Read result went to the subagent, its report to the main thread.
    expect(toolResultFor(run.modelRequests, 'toolu_sub_read').request.role).toBe('subagent');
    const report = toolResultFor(run.modelRequests, 'toolu_agent');
    expect(report.request.role).toBe('main');
    expect(report.text).toContain('First step: ship the store.');

    const payloads = readCapturedPayloads(hooksOut);
    const find = (event: string, tool?: string) =>
      payloads.find((payload) => payload.hook_event_name === event && (tool === undefined || payload.tool_name === tool));
    expect(find('SubagentStart')).toMatchObject({ agent_id: agentId, agent_type: 'general-purpose' });
    expect(find('PostToolUse', 'Read')).toMatchObject({ agent_id: agentId, agent_type: 'general-purpose', tool_use_id: 'toolu_sub_read' });
    const stop = find('SubagentStop');
    expect(stop).toMatchObject({ agent_id: agentId, agent_type: 'general-purpose', last_assistant_message: 'First step: ship the store.' });
    expect(existsSync(stop?.agent_transcript_path)).toBe(true);
    expect(find('PostToolUse', 'Agent')).toMatchObject({
      tool_use_id: 'toolu_agent',
      tool_response: { status: 'completed', agentId, agentType: 'general-purpose', content: [{ type: 'text', text: 'First step: ship the store.' }] },
    });
    expect(find('PostToolUse', 'Agent')).not.toHaveProperty('agent_id');

    const paths = { cwd: dir.path, home: run.home };
    keepFixture('PreToolUse-Agent', find('PreToolUse', 'Agent'), paths);
    keepFixture('SubagentStart', find('SubagentStart'), paths);
    keepFixture('PostToolUse-Read-in-subagent', find('PostToolUse', 'Read'), paths);
    keepFixture('SubagentStop', stop, paths);
    keepFixture('PostToolUse-Agent', find('PostToolUse', 'Agent'), paths);
  });

  it('lets a PostToolUse hook replace what the model sees of a Bash stdout (updatedToolOutput)', async () => {
    const dir = repo({ 'a.txt': 'a\n' });
    const hook = new URL('./fixtures/replace-bash-output.mjs', import.meta.url).pathname;
    writeProjectSettings(dir.path, {
      hooks: {
        PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'node', args: [hook, 'REPLACED-BY-HOOK'], timeout: 10 }] }],
      },
    });
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Print the marker',
        allowedTools: ['Bash'],
        script: {
          rules: [
            { when: { toolResultFor: 'toolu_echo' }, reply: { text: 'Printed.' } },
            { when: { lastUserTextIncludes: 'Print the marker' }, reply: { toolUses: [{ name: 'Bash', id: 'toolu_echo', input: { command: 'echo ORIGINAL-OUTPUT', description: 'Print marker' } }] } },
          ],
        },
      }),
    );
    expectCleanExit(run);
    const { text } = toolResultFor(run.modelRequests, 'toolu_echo');
    expect(text).toContain('REPLACED-BY-HOOK');
    expect(text).not.toContain('ORIGINAL-OUTPUT');
  });

  it('shows a failing hook in the transcript, where hookProblems finds it', async () => {
    const dir = repo({ 'a.txt': 'a\n' });
    writeProjectSettings(dir.path, {
      hooks: {
        PostToolUse: [{ hooks: [{ type: 'command', command: 'node', args: ['-e', "process.stderr.write('boom from hook\\n'); process.exit(1)"], timeout: 10 }] }],
      },
    });
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Read a',
        allowedTools: ['Read'],
        script: {
          rules: [
            { when: { toolResultFor: 'toolu_a' }, reply: { text: 'Read it.' } },
            { when: { lastUserTextIncludes: 'Read a' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_a', input: { file_path: dir.join('a.txt') } }] } },
          ],
        },
      }),
    );
    expectCleanExit(run);
    // A non-zero exit other than 2 does not stop the session; Claude Code records it as a non-blocking error.
    expect(hookProblems(run.transcriptDir)).toEqual([
      expect.objectContaining({ type: 'hook_non_blocking_error', hookEvent: 'PostToolUse', toolUseID: 'toolu_a', exitCode: 1, stderr: expect.stringContaining('boom from hook') }),
    ]);
  });

  it('fires StopFailure with the error kind when the API answers with an error', async () => {
    const dir = repo({ 'a.txt': 'a\n' });
    const hooksOut = scratchDir();
    writeProjectSettings(dir.path, captureSettings(hooksOut, ['StopFailure', 'Stop', 'SessionEnd']));
    const run = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'hello',
        allowedTools: ['Read'],
        script: { default: { error: { status: 429, type: 'rate_limit_error', message: 'Number of request tokens has exceeded your rate limit' } } },
      }),
    );
    expect(run.timedOut).toBe(false);
    expect(run.result).toMatchObject({ is_error: true });
    expect(run.outsideRequests).toEqual([]);
    const payloads = readCapturedPayloads(hooksOut);
    const failure = payloads.find((payload) => payload.hook_event_name === 'StopFailure');
    expect(failure).toMatchObject({ error: 'rate_limit' });
    // An API error ends the turn through StopFailure, not Stop.
    expect(payloads.some((payload) => payload.hook_event_name === 'Stop')).toBe(false);
    keepFixture('StopFailure-rate-limit', failure, { cwd: dir.path, home: run.home });
  });

  it('compacts a resumed session: PreCompact, PostCompact with the summary, SessionStart source compact', async () => {
    const dir = repo({ 'a.txt': 'a\n' });
    const hooksOut = scratchDir();
    writeProjectSettings(dir.path, captureSettings(hooksOut, ['PreCompact', 'PostCompact', 'SessionStart']));
    // Compaction needs a few turns ("Not enough messages to compact" after a single text turn).
    const first = track(
      await runClaude({
        cwd: dir.path,
        prompt: 'Remember the word teal',
        allowedTools: ['Read'],
        script: {
          rules: [
            { when: { toolResultFor: 'toolu_2' }, reply: { text: 'Noted: teal.' } },
            { when: { toolResultFor: 'toolu_1' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_2', input: { file_path: dir.join('a.txt') } }] } },
            { when: { lastUserTextIncludes: 'teal' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_1', input: { file_path: dir.join('a.txt') } }] } },
          ],
        },
      }),
    );
    expectCleanExit(first);
    const sessionId = String(first.result?.session_id);
    const compact = await runClaude({
      cwd: dir.path,
      home: first.home,
      prompt: '/compact',
      allowedTools: ['Read'],
      extraArgs: ['--resume', sessionId],
      script: { default: { text: '<summary>The user asked to remember the word teal.</summary>' } },
    });
    expect({ code: compact.code, timedOut: compact.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(compact.outsideRequests).toEqual([]);
    const payloads = readCapturedPayloads(hooksOut);
    const pre = payloads.find((payload) => payload.hook_event_name === 'PreCompact');
    const post = payloads.find((payload) => payload.hook_event_name === 'PostCompact');
    expect(pre).toMatchObject({ trigger: 'manual' });
    expect(post).toMatchObject({ trigger: 'manual' });
    expect(post?.compact_summary).toContain('teal');
    expect(payloads.filter((payload) => payload.hook_event_name === 'SessionStart').map((payload) => payload.source)).toContain('compact');
    const paths = { cwd: dir.path, home: first.home };
    keepFixture('PreCompact', pre, paths);
    keepFixture('PostCompact', post, paths);
    keepFixture('SessionStart-compact', payloads.find((payload) => payload.hook_event_name === 'SessionStart' && payload.source === 'compact'), paths);
  });

  it('kills claude and its hook processes when a run exceeds timeoutMs', async () => {
    const dir = repo({ 'a.txt': 'a\n' });
    const pidFile = join(scratchDir(), 'hook.pid');
    writeProjectSettings(dir.path, {
      hooks: {
        SessionStart: [
          { hooks: [{ type: 'command', command: 'node', args: ['-e', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 120000)`], timeout: 120 }] },
        ],
      },
    });
    const run = track(await runClaude({ cwd: dir.path, prompt: 'hello', allowedTools: ['Read'], script: {}, timeoutMs: 8000 }));
    expect(run).toMatchObject({ timedOut: true, code: null });
    const hookPid = Number(readFileSync(pidFile, 'utf8'));
    expect(await goneWithin(hookPid, 5000)).toBe(true);
  });
});

/** True once `pid` no longer runs (a zombie waiting to be reaped counts as gone); polls up to `limitMs`. */
async function goneWithin(pid: number, limitMs: number): Promise<boolean> {
  for (let waited = 0; waited <= limitMs; waited += 100) {
    let state: string | undefined;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    } catch {
      state = undefined;
    }
    if (state === undefined || state === 'Z') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
