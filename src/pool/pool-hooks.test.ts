import { appendFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { defaultConfig, type CtxkitConfig } from '../config/defaults.js';
import { readFileSlice } from '../hooks/hook-deps.js';
import type { PostToolUseFailureEvent, PreToolUseEvent, SessionEndEvent, StopFailureEvent, SubagentStartEvent, SubagentStopEvent } from '../hooks/hook-events.js';
import { usageRowToRecord } from '../stats/usage-row.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.js';
import {
  admitAgentCall,
  attachSubagentLease,
  lowerLimitAfterFailure,
  releaseFailedAgentCall,
  releaseSessionLeases,
  releaseSubagentLease,
  touchSubagentLease,
} from './pool-hooks.js';

let dir: TestDir;
let store: SqliteStore;
let clock = 0;
afterEach(async () => {
  await store?.close();
  dir?.cleanup();
});

function setup(pool: Partial<CtxkitConfig['pool']> = {}) {
  dir = testdir();
  store = openSqliteStore(dir.join('.ctxkit/ctxkit.db')).store;
  clock = Date.parse('2026-11-25T10:00:00Z');
  const config: CtxkitConfig = { ...defaultConfig, pool: { ...defaultConfig.pool, ...pool } };
  return { config, now: () => clock, store: async () => store, readFileRange: readFileSlice, debug: () => {} };
}

const agentCall = (id: string, session = 's1', extra: Partial<PreToolUseEvent> = {}): PreToolUseEvent => ({
  session_id: session,
  cwd: '/p',
  hook_event_name: 'PreToolUse',
  tool_name: 'Agent',
  tool_input: { description: 'explore', prompt: 'Explore', subagent_type: 'Explore' },
  tool_use_id: id,
  ...extra,
});
const start = (agentId: string, session = 's1'): SubagentStartEvent => ({ session_id: session, cwd: '/p', hook_event_name: 'SubagentStart', agent_id: agentId, agent_type: 'Explore' });
const stop = (agentId: string, extra: Partial<SubagentStopEvent> = {}): SubagentStopEvent => ({ session_id: 's1', cwd: '/p', hook_event_name: 'SubagentStop', agent_id: agentId, agent_type: 'Explore', ...extra });

async function poolRecords() {
  return (await store.listUsage({})).map(usageRowToRecord).filter((record) => record?.kind === 'pool');
}

const assistant = (id: string, input: number, output: number) =>
  `${JSON.stringify({ type: 'assistant', message: { id, model: 'claude-sonnet-4-5', usage: { input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output } } })}\n`;

describe('the pool wired to hook events (real SQLite)', () => {
  it('admits up to pool.maxConcurrent, denies the next with a PreToolUse deny, and never answers allow', async () => {
    const deps = setup({ maxConcurrent: 2 });
    expect(await admitAgentCall(agentCall('toolu_1'), deps)).toBeUndefined();
    expect(await admitAgentCall(agentCall('toolu_2'), deps)).toBeUndefined();
    // A retried hook for the same call keeps its lease and takes no second slot.
    expect(await admitAgentCall(agentCall('toolu_2'), deps)).toBeUndefined();
    const denied = await admitAgentCall(agentCall('toolu_3'), deps);
    expect(denied).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: expect.stringContaining('ctxkit pool: 2 subagents are running in this project; the limit is 2 (pool.maxConcurrent). Retry this Agent call in about 30 seconds'),
      },
    });
    expect(JSON.stringify(denied)).not.toContain('"allow"');
    expect(await admitAgentCall({ ...agentCall('toolu_r'), tool_name: 'Read' }, deps)).toBeUndefined();
    expect((await store.readPool({ sessionIds: ['s1'] })).sessions.s1).toEqual({ started: 2, tokensUsed: 0 });
    const records = await poolRecords();
    expect(records.map((record) => record && 'event' in record && record.event)).toEqual(['lease', 'lease', 'deny']);
    expect(records[2]).toMatchObject({ reason: 'busy', tokens: expect.any(Number) });
  });

  it('names the lease at SubagentStart, frees it at SubagentStop, and then admits again', async () => {
    const deps = setup({ maxConcurrent: 1 });
    await admitAgentCall(agentCall('toolu_1'), deps);
    await attachSubagentLease(start('agent-1'), deps);
    expect((await store.readPool({ sessionIds: [] })).leases).toMatchObject([{ id: 'toolu_1', agentId: 'agent-1', agentType: 'Explore' }]);
    expect(await admitAgentCall(agentCall('toolu_2'), deps)).toBeDefined();
    clock += 5_000;
    await releaseSubagentLease(stop('agent-1'), deps);
    expect((await store.readPool({ sessionIds: [] })).leases).toEqual([]);
    expect(await admitAgentCall(agentCall('toolu_3'), deps)).toBeUndefined();
    // A subagent whose Agent call was never seen still takes a slot: it is already running.
    await attachSubagentLease(start('agent-x', 's2'), deps);
    expect((await store.readPool({ sessionIds: [] })).leases.map((lease) => lease.id)).toEqual(['toolu_3', 'agent-x']);
  });

  it('counts subagents a session STARTED against pool.maxPerSession, not the ones running now', async () => {
    const deps = setup({ maxConcurrent: 5, maxPerSession: 2 });
    for (const id of ['a', 'b']) {
      expect(await admitAgentCall(agentCall(`toolu_${id}`), deps)).toBeUndefined();
      await attachSubagentLease(start(`agent-${id}`), deps);
      await releaseSubagentLease(stop(`agent-${id}`), deps);
    }
    const denied = await admitAgentCall(agentCall('toolu_c'), deps);
    expect(denied?.hookSpecificOutput?.permissionDecisionReason).toBe(
      'ctxkit pool: this session has started 2 subagents, the most one session may start (pool.maxPerSession = 2). Do the remaining work directly, without subagents.',
    );
    expect(await admitAgentCall(agentCall('toolu_d', 's2'), deps)).toBeUndefined();
  });

  it("reads the session's transcript incrementally for pool.sessionTokenBudget, counting each response once", async () => {
    const deps = setup({ sessionTokenBudget: 1000 });
    const transcript = dir.join('session.jsonl');
    writeFileSync(transcript, assistant('msg_1', 300, 10) + assistant('msg_1', 300, 50));
    expect(await admitAgentCall(agentCall('toolu_1', 's1', { transcript_path: transcript }), deps)).toBeUndefined();
    expect((await store.readPool({ sessionIds: ['s1'] })).sessions.s1).toMatchObject({ tokensUsed: 350, usage: { mainTokens: 350, offset: expect.any(Number) } });
    // The subagent's own transcript adds its tokens when it stops.
    const agentTranscript = dir.join('agent-1.jsonl');
    writeFileSync(agentTranscript, assistant('msg_a', 200, 20).replace('"type":"assistant"', '"type":"assistant","isSidechain":true'));
    await attachSubagentLease(start('agent-1'), deps);
    await releaseSubagentLease(stop('agent-1', { agent_transcript_path: agentTranscript }), deps);
    // The same stop twice (a Stop hook that blocked) adds nothing more.
    await releaseSubagentLease(stop('agent-1', { agent_transcript_path: agentTranscript }), deps);
    expect((await store.readPool({ sessionIds: ['s1'] })).sessions.s1).toMatchObject({ tokensUsed: 570, usage: { mainTokens: 350, subagentTokens: 220 } });
    appendFileSync(transcript, assistant('msg_2', 400, 40) + '{"type":"assistant","message":{"id":"msg_3","usage":{"input_tokens":5');
    const denied = await admitAgentCall(agentCall('toolu_2', 's1', { transcript_path: transcript }), deps);
    expect(denied?.hookSpecificOutput?.permissionDecisionReason).toBe(
      'ctxkit pool: this session has used 1,010 tokens, at or over its budget of 1,000 (pool.sessionTokenBudget), so it starts no more subagents. Do the remaining work directly, or ask the user to raise the budget.',
    );
  });

  it('lowers the limit after a StopFailure rate_limit and says so in the denial, then recovers step by step', async () => {
    const deps = setup({ maxConcurrent: 4, cooldownSeconds: 60 });
    const failure = (error: string): StopFailureEvent => ({ session_id: 's0', cwd: '/p', hook_event_name: 'StopFailure', error });
    await lowerLimitAfterFailure(failure('invalid_request'), deps);
    expect((await store.readPool({ sessionIds: [] })).rateLimit).toBeUndefined();
    await lowerLimitAfterFailure(failure('rate_limit'), deps);
    expect((await store.readPool({ sessionIds: [] })).rateLimit).toEqual({ at: clock, kind: 'rate_limit', loweredTo: 2 });
    clock += 10_000;
    await admitAgentCall(agentCall('toolu_1'), deps);
    await admitAgentCall(agentCall('toolu_2'), deps);
    const denied = await admitAgentCall(agentCall('toolu_3'), deps);
    expect(denied?.hookSpecificOutput?.permissionDecisionReason).toBe(
      'ctxkit pool: 2 subagents are running in this project; the limit is 2, lowered from 4 after a rate_limit error 10 seconds ago. It rises by 1 in 50 seconds and is back to 4 in 110 seconds. Retry this Agent call in about 50 seconds, or batch the remaining work into fewer subagents, or do it directly.',
    );
    clock += 50_000;
    expect(await admitAgentCall(agentCall('toolu_3'), deps)).toBeUndefined();
    expect((await poolRecords()).map((record) => record && 'event' in record && record.event)).toEqual(['lowered', 'lease', 'lease', 'deny', 'lease']);
  });

  it("lowers the limit when a stopped subagent's transcript shows a rate-limit error", async () => {
    const deps = setup({ maxConcurrent: 4 });
    const agentTranscript = dir.join('agent-1.jsonl');
    const padding = `${JSON.stringify({ type: 'user', message: { content: 'x'.repeat(100_000) } })}\n`;
    const error = JSON.stringify({ type: 'assistant', message: { id: 'e', model: '<synthetic>', content: [{ type: 'text', text: 'API Error: Request rejected (429)' }] }, error: 'rate_limit', isApiErrorMessage: true });
    writeFileSync(agentTranscript, `${padding}${error}\n`);
    await admitAgentCall(agentCall('toolu_1'), deps);
    await attachSubagentLease(start('agent-1'), deps);
    await releaseSubagentLease(stop('agent-1', { agent_transcript_path: agentTranscript }), deps);
    expect((await store.readPool({ sessionIds: [] })).rateLimit).toEqual({ at: clock, kind: 'rate_limit', loweredTo: 2 });
  });

  it('releases a failed Agent call by its id only, a dead session at SessionEnd, and silent leases after pool.leaseMinutes', async () => {
    const deps = setup({ maxConcurrent: 4, leaseMinutes: 10 });
    await admitAgentCall(agentCall('toolu_1'), deps);
    await admitAgentCall(agentCall('toolu_2'), deps);
    const failed: PostToolUseFailureEvent = { session_id: 's1', cwd: '/p', hook_event_name: 'PostToolUseFailure', tool_name: 'Agent', tool_input: {}, tool_use_id: 'toolu_unknown', error: 'x' };
    await releaseFailedAgentCall(failed, deps);
    expect((await store.readPool({ sessionIds: [] })).leases).toHaveLength(2);
    await releaseFailedAgentCall({ ...failed, tool_use_id: 'toolu_1' }, deps);
    expect((await store.readPool({ sessionIds: [] })).leases.map((lease) => lease.id)).toEqual(['toolu_2']);

    await admitAgentCall(agentCall('toolu_3', 's2'), deps);
    const end: SessionEndEvent = { session_id: 's1', cwd: '/p', hook_event_name: 'SessionEnd', reason: 'other' };
    await releaseSessionLeases(end, deps);
    expect((await store.readPool({ sessionIds: [] })).leases.map((lease) => lease.id)).toEqual(['toolu_3']);

    // s2 was killed: no SubagentStop, no SessionEnd. Its lease stops counting after leaseMinutes of silence.
    await attachSubagentLease(start('agent-3', 's2'), deps);
    clock += 5 * 60_000;
    await touchSubagentLease({ agent_id: 'agent-3' }, deps);
    clock += 9 * 60_000;
    // 14 minutes since it started, but seen 9 minutes ago: still running.
    await admitAgentCall(agentCall('toolu_4', 's3'), deps);
    expect((await store.readPool({ sessionIds: [] })).leases.map((lease) => lease.id)).toEqual(['toolu_3', 'toolu_4']);
    clock += 2 * 60_000;
    await admitAgentCall(agentCall('toolu_5', 's3'), deps);
    expect((await store.readPool({ sessionIds: [] })).leases.map((lease) => lease.id)).toEqual(['toolu_4', 'toolu_5']);
    const reasons = (await poolRecords()).filter((record) => record && 'event' in record && record.event === 'release').map((record) => record && 'reason' in record && record.reason);
    expect(reasons).toEqual(['call-failed', 'session-ended', 'expired']);
  });
});
