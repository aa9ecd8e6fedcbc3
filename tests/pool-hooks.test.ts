// The subagent pool through the built hook entry, as Claude Code runs it: separate processes deciding on one store.
// Run `npm run build` first.
import { afterEach, describe, expect, it } from 'vitest';
import { usageRowToRecord } from '../src/stats/usage-row.js';
import { fixture, readLog, runHookProcess, runHookProcessAsync, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dir: TestDir;
afterEach(() => dir.cleanup());

function project(pool: Record<string, number>): Record<string, string> {
  dir = testdir({ 'ctxkit.config.json': JSON.stringify({ pool }), 'transcript.jsonl': '' });
  return { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
}

function agentCall(vars: Record<string, string>, toolUseId: string, sessionId: string): Record<string, unknown> {
  return { ...fixture('pre-tool-use.agent', vars), tool_use_id: toolUseId, session_id: sessionId };
}

describe('the pool across hook processes', () => {
  it('admits exactly pool.maxConcurrent of 16 Agent calls racing in parallel processes', async () => {
    const vars = project({ maxConcurrent: 4 });
    // Four sessions, four parallel Agent calls each: every process opens the store and decides at the same moment.
    const calls = Array.from({ length: 16 }, (_, i) => agentCall(vars, `toolu_race_${i}`, `session-${i % 4}`));
    const results = await Promise.all(calls.map((payload) => runHookProcessAsync('PreToolUse', payload, { root: dir.path })));
    expect(results.every((result) => result.code === 0 && result.stderr === '')).toBe(true);
    const admitted = results.filter((result) => result.stdout === '');
    const denied = results.filter((result) => result.stdout !== '').map((result) => JSON.parse(result.stdout));
    expect(admitted).toHaveLength(4);
    expect(denied).toHaveLength(12);
    for (const output of denied) {
      expect(output).toEqual({
        hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: expect.stringMatching(/^ctxkit pool: 4 subagents are running in this project/) },
      });
    }
    expect(readLog(dir.path)).toBe('');
    await withStore(dir.path, async (store) => {
      expect((await store.readPool({ sessionIds: [] })).leases).toHaveLength(4);
      const events = (await store.listUsage({})).map(usageRowToRecord).map((record) => (record?.kind === 'pool' ? record.event : undefined));
      expect(events.filter((event) => event === 'lease')).toHaveLength(4);
      expect(events.filter((event) => event === 'deny')).toHaveLength(12);
      // A denied call leaves no task behind for a later subagent to be paired with.
      const tasks = store.database.prepare('SELECT count(*) FROM agent_tasks').pluck().get();
      expect(tasks).toBe(4);
    });
  });

  it('frees a slot at SubagentStop, and a StopFailure rate_limit lowers the limit for the next session', () => {
    const vars = project({ maxConcurrent: 2, cooldownSeconds: 600 });
    const first = agentCall(vars, 'toolu_a', 's1');
    expect(runHookProcess('PreToolUse', first, { root: dir.path }).stdout).toBe('');
    expect(runHookProcess('PreToolUse', agentCall(vars, 'toolu_b', 's1'), { root: dir.path }).stdout).toBe('');
    expect(runHookProcess('PreToolUse', agentCall(vars, 'toolu_c', 's1'), { root: dir.path }).stdout).toContain('"permissionDecision":"deny"');
    const start = { ...fixture('subagent-start', vars), session_id: 's1', agent_id: 'agent-a' };
    const stop = { ...fixture('subagent-stop', vars), session_id: 's1', agent_id: 'agent-a', agent_transcript_path: dir.join('none.jsonl') };
    expect(runHookProcess('SubagentStart', start, { root: dir.path })).toMatchObject({ code: 0, stderr: '' });
    expect(runHookProcess('SubagentStop', stop, { root: dir.path })).toMatchObject({ code: 0, stderr: '' });
    expect(runHookProcess('PreToolUse', agentCall(vars, 'toolu_c', 's1'), { root: dir.path }).stdout).toBe('');
    expect(runHookProcess('SessionEnd', { ...fixture('session-end', vars), session_id: 's1' }, { root: dir.path }).stdout).toBe('');

    const failure = { ...fixture('stop-failure', vars), session_id: 's1', error: 'rate_limit' };
    expect(runHookProcess('StopFailure', failure, { root: dir.path })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(runHookProcess('PreToolUse', agentCall(vars, 'toolu_d', 's2'), { root: dir.path }).stdout).toBe('');
    const denied = runHookProcess('PreToolUse', agentCall(vars, 'toolu_e', 's2'), { root: dir.path });
    expect(JSON.parse(denied.stdout).hookSpecificOutput.permissionDecisionReason).toMatch(
      /^ctxkit pool: 1 subagent is running in this project; the limit is 1, lowered from 2 after a rate_limit error \d+ seconds ago\. It rises by 1 in \d+ seconds/,
    );
    expect(readLog(dir.path)).toBe('');
  });
});
