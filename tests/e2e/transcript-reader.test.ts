import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFolderName } from '../../src/claude/transcript/project-folder.js';
import { readTranscripts } from '../../src/claude/transcript/read-transcripts.js';
import { buildStatsReport } from '../../src/stats/build-stats-report.js';
import { gitRepo } from './helpers/git-repo.js';
import { writeProjectSettings } from './helpers/hook-capture.js';
import { runClaude } from './helpers/run-claude.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

// A SessionStart hook that injects one ctxkit-marked block, the way ctxkit's injection does.
const INJECT_HOOK = `process.stdin.resume();process.stdin.on('end',()=>{process.stdout.write(JSON.stringify({hookSpecificOutput:{hookEventName:'SessionStart',additionalContext:'[ctxkit] The plan lives in docs/plan.md.'}}))});\n`;

describe('transcript reader on real Claude Code 2.1.197 transcripts', () => {
  it("matches Claude Code's own usage totals: one count per message.id, subagent files included", async () => {
    const dir = gitRepo({ 'docs/plan.md': '# plan\nship the store first\n' });
    cleanups.push(dir.cleanup);
    writeFileSync(dir.join('inject.mjs'), INJECT_HOOK);
    writeProjectSettings(dir.path, { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'node', args: [dir.join('inject.mjs')], timeout: 10 }] }] } });
    const task = 'Read docs/plan.md and report the first step';
    const run = await runClaude({
      cwd: dir.path,
      prompt: '/review docs',
      allowedTools: ['Read', 'Agent'],
      script: {
        rules: [
          { name: 'sub-read', when: { isSubagent: true, lastUserTextIncludes: task }, reply: { toolUses: [{ name: 'Read', id: 'toolu_sub_read', input: { file_path: dir.join('docs/plan.md') } }] } },
          { name: 'sub-report', when: { isSubagent: true, toolResultFor: 'toolu_sub_read' }, reply: { text: 'First step: ship the store.' } },
          // Text and two parallel tool calls: one API response written as three transcript lines.
          {
            name: 'main-both',
            when: { isSubagent: false, hasToolResult: false },
            reply: {
              text: 'Two things at once.',
              toolUses: [
                { name: 'Read', id: 'toolu_main_read', input: { file_path: dir.join('docs/plan.md') } },
                { name: 'Agent', id: 'toolu_agent', input: { description: 'Read the plan', prompt: task, subagent_type: 'general-purpose' } },
              ],
            },
          },
          { name: 'main-answer', when: { isSubagent: false, toolResultFor: 'toolu_agent' }, reply: { text: 'Ship the store first.' } },
        ],
      },
    });
    cleanups.push(run.cleanup);
    expect(run.code).toBe(0);
    expect(basename(run.transcriptDir)).toBe(projectFolderName(dir.path));

    const [session, ...others] = await readTranscripts(run.transcriptDir);
    expect(others).toEqual([]);
    expect(session?.sessionId).toBe(run.result?.session_id);
    const main = session!.main;
    expect(main.lines.byType.assistant).toBe(4);
    expect(main.apiCalls).toBe(2);
    // The result's `usage` is the main thread's; `modelUsage` adds the subagents.
    expect(main.usage).toEqual({
      inputTokens: run.result?.usage.input_tokens,
      cacheCreationInputTokens: run.result?.usage.cache_creation_input_tokens,
      cacheReadInputTokens: run.result?.usage.cache_read_input_tokens,
      outputTokens: run.result?.usage.output_tokens,
    });
    const model = run.result?.modelUsage['claude-sonnet-4-5'];
    const report = buildStatsReport({ sessions: [session!] });
    expect(report.totals.used.inputTokens).toBe(model.inputTokens);
    expect(report.totals.used.outputTokens).toBe(model.outputTokens);

    expect(main.toolCalls.map((call) => call.name)).toEqual(['Read', 'Agent']);
    expect(main.commands.map((command) => [command.name, command.args])).toEqual([['/review', 'docs']]);
    expect(main.ctxkitContext.map((context) => [context.hookEvent, context.chars])).toEqual([['SessionStart', '[ctxkit] The plan lives in docs/plan.md.'.length]]);
    const agentId = run.modelRequests.find((request) => request.role === 'subagent')?.agentId;
    expect(session!.subagents.map((agent) => [agent.agentId, agent.agentType, agent.apiCalls])).toEqual([[agentId, 'general-purpose', 2]]);

    // A second session in the same project ends on a 429: the transcript names it a rate limit.
    const limited = await runClaude({ cwd: dir.path, home: run.home, prompt: 'once more', allowedTools: ['Read'], script: { rules: [{ name: 'limited', when: {}, reply: { error: { status: 429, type: 'rate_limit_error', message: 'Rate limited' } } }] } });
    const sessions = await readTranscripts(run.transcriptDir);
    const second = sessions.find((candidate) => candidate.sessionId === limited.result?.session_id);
    expect(second?.main.apiErrors.filter((error) => !error.isRetry).map((error) => error.kind)).toEqual(['rate_limit']);
    expect(second?.main.apiCalls).toBe(0);
  });
});
