/**
 * The pool's side of each Claude Code hook event (the shell around the pure core in this folder):
 * read what the decision needs (the session's transcript for its token use, a subagent's transcript
 * for rate-limit errors) before taking the lock, then load, decide and save in ONE store transaction,
 * with the pool's accounting rows written in the same transaction. Handlers call these in one line.
 */
import type { HookDeps } from '../hooks/hook-deps.js';
import type { PostToolUseFailureEvent, PreToolUseEvent, SessionEndEvent, StopFailureEvent, SubagentStartEvent, SubagentStopEvent } from '../hooks/hook-events.js';
import type { HookOutput } from '../hooks/hook-output.js';
import type { PoolRecord } from '../stats/accounting-record.js';
import { recordToUsageRow } from '../stats/usage-row.js';
import type { Store, UsageEntry } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { advanceUsageCursor, emptyUsageCursor } from './advance-usage-cursor.js';
import { decideLease } from './decide-lease.js';
import { isRateLimitError, onRateLimit } from './effective-limit.js';
import type { PoolLease, PoolSession, PoolState, SessionUsageCursor } from './pool-state.js';
import { attachAgent, releaseLease, touchLease } from './release-lease.js';
import { scanAgentTranscript } from './scan-agent-transcript.js';

/** At most this much new session transcript is read per Agent call; the rest is read by the next one. */
const SESSION_SLICE_BYTES = 8 * 1024 * 1024;
/** The end of a subagent's transcript where a rate-limit error that stopped it would be. */
const AGENT_TAIL_BYTES = 64 * 1024;
/** A subagent transcript larger than this is not read whole for its tokens (only its tail for errors). */
const AGENT_TRANSCRIPT_MAX_BYTES = 32 * 1024 * 1024;

type PoolDeps = Pick<HookDeps, 'config' | 'now' | 'store' | 'readFileRange' | 'debug'>;

const AGENT_TOOLS: ReadonlySet<string> = new Set(['Agent', 'Task']);

/** True for the tools that start a subagent (`Task` is the name before Claude Code 2.1). */
export function isAgentTool(toolName: string): boolean {
  return AGENT_TOOLS.has(toolName);
}

function leaseMs(deps: PoolDeps): number {
  return deps.config.pool.leaseMinutes * 60_000;
}

function poolRow(record: Omit<PoolRecord, 'kind' | 'at'>, at: number, agentId?: string): UsageEntry {
  return recordToUsageRow({ kind: 'pool', ...record }, at, agentId);
}

/** Release rows for leases a decision dropped because they went silent (their session died). */
function expiryRows(before: PoolState, after: PoolState, now: number): UsageEntry[] {
  const kept = new Set(after.leases.map((lease) => lease.id));
  return before.leases.filter((lease) => !kept.has(lease.id)).map((lease) => poolRow({ sessionId: lease.sessionId, event: 'release', reason: 'expired' }, now, lease.agentId));
}

function sessionOf(state: PoolState, sessionId: string): PoolSession {
  return state.sessions[sessionId] ?? { started: 0, tokensUsed: 0 };
}

function withSession(state: PoolState, sessionId: string, session: PoolSession): PoolState {
  return { ...state, sessions: { ...state.sessions, [sessionId]: session } };
}

/** A cursor advanced outside the lock, and the offset it started from (its compare-and-set key). */
interface ReadUsage {
  from: number;
  cursor: SessionUsageCursor;
}

/**
 * Reads the session's transcript from where the last Agent call left off (only the new bytes, up to
 * the last complete line). Runs before the transaction; `applyUsage` keeps the result only if nobody
 * advanced the cursor meanwhile, so parallel Agent calls never count the same lines twice.
 */
async function readSessionUsage(store: Store, sessionId: string, transcriptPath: string, deps: PoolDeps): Promise<ReadUsage | undefined> {
  const saved = (await store.readPool({ sessionIds: [sessionId] })).sessions[sessionId]?.usage ?? emptyUsageCursor();
  let base = saved;
  let slice = deps.readFileRange(transcriptPath, saved.offset, SESSION_SLICE_BYTES);
  if (!slice) return undefined;
  if (slice.size < saved.offset) {
    // The transcript was replaced: count it again from the start, keeping what subagents added.
    base = { ...emptyUsageCursor(), subagentTokens: saved.subagentTokens };
    slice = deps.readFileRange(transcriptPath, 0, SESSION_SLICE_BYTES);
    if (!slice) return undefined;
  }
  const end = slice.bytes.lastIndexOf(0x0a);
  if (end < 0) return { from: saved.offset, cursor: base };
  return { from: saved.offset, cursor: advanceUsageCursor(base, slice.bytes.subarray(0, end + 1).toString('utf8')) };
}

function applyUsage(state: PoolState, sessionId: string, read: ReadUsage): PoolState {
  const session = sessionOf(state, sessionId);
  const current = session.usage ?? emptyUsageCursor();
  if (current.offset !== read.from) return state;
  const usage: SessionUsageCursor = { ...read.cursor, subagentTokens: current.subagentTokens };
  return withSession(state, sessionId, { ...session, usage, tokensUsed: usage.mainTokens + usage.subagentTokens });
}

/**
 * PreToolUse on Agent/Task: takes a lease for the subagent about to start, or denies the call with a
 * reason the model can act on. Returns the hook output: nothing on a grant (the user's own permission
 * rules still apply; never `allow` on their behalf), a PreToolUse `deny` otherwise.
 */
export async function admitAgentCall(event: PreToolUseEvent, deps: PoolDeps): Promise<HookOutput | undefined> {
  if (!isAgentTool(event.tool_name)) return undefined;
  const pool = deps.config.pool;
  const store = await deps.store();
  const sessionId = event.session_id;
  const usage = pool.sessionTokenBudget !== undefined && event.transcript_path ? await readSessionUsage(store, sessionId, event.transcript_path, deps) : undefined;
  const agentType = typeof event.tool_input.subagent_type === 'string' ? event.tool_input.subagent_type : undefined;
  const now = deps.now();
  const decision = await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [sessionId] }, (loaded) => {
    const state = usage ? applyUsage(loaded, sessionId, usage) : loaded;
    const isRetry = state.leases.some((lease) => lease.id === event.tool_use_id);
    const decision = decideLease(state, { leaseId: event.tool_use_id, sessionId, ...(agentType !== undefined ? { agentType } : {}) }, now, pool);
    const rows = expiryRows(state, decision.state, now);
    if (decision.allow && !isRetry) rows.push(poolRow({ sessionId, event: 'lease', ...(agentType !== undefined ? { agentType } : {}) }, now));
    if (!decision.allow) rows.push(poolRow({ sessionId, event: 'deny', reason: decision.code, tokens: estimateTokens(decision.reason) }, now));
    return { state: decision.state, value: decision, usage: rows };
  });
  deps.debug(decision.allow ? `pool: lease for ${event.tool_use_id}` : `pool: denied ${event.tool_use_id} (${decision.code})`);
  if (decision.allow) return undefined;
  return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: decision.reason } };
}

/**
 * SubagentStart: names the Agent call's lease after the subagent. A subagent whose Agent call was not
 * seen (hooks installed mid-session, a failed PreToolUse hook) gets a lease now: it already runs.
 */
export async function attachSubagentLease(event: SubagentStartEvent, deps: PoolDeps): Promise<void> {
  const store = await deps.store();
  const now = deps.now();
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [event.session_id] }, (state) => {
    const attached = attachAgent(state, { sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type }, now);
    const rows = attached.created ? [poolRow({ sessionId: event.session_id, event: 'lease', agentType: event.agent_type, reason: 'unseen-call' }, now, event.agent_id)] : [];
    return { state: attached.state, value: undefined, usage: rows };
  });
}

/** Reads what the pool needs of a finished subagent's transcript: its tail always, the whole file only under a token budget. */
function readAgentTranscript(path: string, wantTokens: boolean, deps: PoolDeps): { tokens?: number; rateLimitKind?: string } {
  const tail = deps.readFileRange(path, 0, 0);
  if (!tail) return {};
  const size = tail.size;
  if (wantTokens && size <= AGENT_TRANSCRIPT_MAX_BYTES) {
    const whole = deps.readFileRange(path, 0, size);
    if (whole) {
      const scan = scanAgentTranscript(whole.bytes.toString('utf8'));
      return { tokens: scan.tokens, ...(scan.rateLimitKind ? { rateLimitKind: scan.rateLimitKind } : {}) };
    }
  }
  const offset = Math.max(0, size - AGENT_TAIL_BYTES);
  const end = deps.readFileRange(path, offset, AGENT_TAIL_BYTES);
  if (!end) return {};
  const scan = scanAgentTranscript(end.bytes.toString('utf8'), { isTail: offset > 0 });
  return scan.rateLimitKind ? { rateLimitKind: scan.rateLimitKind } : {};
}

/**
 * SubagentStop: releases the subagent's lease. When its transcript shows the API pushing back
 * (rate_limit, overloaded), the pool lowers its limit as after a StopFailure; under a session token
 * budget the subagent's tokens are added to its session's count.
 */
export async function releaseSubagentLease(event: SubagentStopEvent, deps: PoolDeps): Promise<void> {
  const pool = deps.config.pool;
  const wantTokens = pool.sessionTokenBudget !== undefined;
  const transcript = event.agent_transcript_path ? readAgentTranscript(event.agent_transcript_path, wantTokens, deps) : {};
  const store = await deps.store();
  const now = deps.now();
  const sessionId = event.session_id;
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [sessionId] }, (state) => {
    const released = releaseLease(state, { agentId: event.agent_id, sessionId, agentType: event.agent_type });
    let next = released.state;
    const rows: UsageEntry[] = [];
    if (released.released) rows.push(poolRow({ sessionId, event: 'release', agentType: event.agent_type }, now, event.agent_id));
    if (transcript.rateLimitKind) {
      next = onRateLimit(next, now, transcript.rateLimitKind, pool);
      rows.push(poolRow({ sessionId, event: 'lowered', reason: transcript.rateLimitKind }, now, event.agent_id));
    }
    // Counted once: a second SubagentStop for the same subagent finds no lease to release.
    if (transcript.tokens !== undefined && released.released) {
      const session = sessionOf(next, sessionId);
      const usage = { ...(session.usage ?? emptyUsageCursor()) };
      usage.subagentTokens += transcript.tokens;
      next = withSession(next, sessionId, { ...session, usage, tokensUsed: usage.mainTokens + usage.subagentTokens });
    }
    return { state: next, value: undefined, usage: rows };
  });
}

/** PostToolUseFailure on Agent/Task: the call failed, so its subagent is not running; free its slot. */
export async function releaseFailedAgentCall(event: PostToolUseFailureEvent, deps: PoolDeps): Promise<void> {
  if (!isAgentTool(event.tool_name)) return;
  const store = await deps.store();
  const now = deps.now();
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [] }, (state) => {
    // By the call's id only: falling back to "the session's oldest lease" could free a running subagent's slot.
    const released = releaseLease(state, { leaseId: event.tool_use_id });
    const rows = released.released ? [poolRow({ sessionId: event.session_id, event: 'release', reason: 'call-failed' }, now, released.released.agentId)] : [];
    return { state: released.state, value: undefined, usage: rows };
  });
}

/** StopFailure: a turn that ended in `rate_limit` or `overloaded` lowers the pool's concurrent limit. */
export async function lowerLimitAfterFailure(event: StopFailureEvent, deps: PoolDeps): Promise<void> {
  if (!isRateLimitError(event.error)) return;
  const store = await deps.store();
  const now = deps.now();
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [] }, (state) => ({
    state: onRateLimit(state, now, event.error, deps.config.pool),
    value: undefined,
    usage: [poolRow({ sessionId: event.session_id, event: 'lowered', reason: event.error }, now, event.agent_id)],
  }));
}

/** SessionEnd: the session's subagents are gone with it; release every lease it still holds. */
export async function releaseSessionLeases(event: SessionEndEvent, deps: PoolDeps): Promise<void> {
  const store = await deps.store();
  const now = deps.now();
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [] }, (state) => {
    const ended: PoolLease[] = state.leases.filter((lease) => lease.sessionId === event.session_id);
    if (ended.length === 0) return { state, value: undefined };
    return {
      state: { ...state, leases: state.leases.filter((lease) => lease.sessionId !== event.session_id) },
      value: undefined,
      usage: ended.map((lease) => poolRow({ sessionId: event.session_id, event: 'release', reason: 'session-ended' }, now, lease.agentId)),
    };
  });
}

/**
 * Any hook fired inside a subagent (the payload has `agent_id`): a sign of life, so a long-running
 * subagent's lease does not expire after pool.leaseMinutes. Writes only when the lease was last seen
 * more than a minute ago, to keep tool calls cheap.
 */
export async function touchSubagentLease(event: { agent_id?: string }, deps: PoolDeps): Promise<void> {
  const agentId = event.agent_id;
  if (agentId === undefined) return;
  const store = await deps.store();
  const now = deps.now();
  const lease = (await store.readPool({ sessionIds: [] })).leases.find((item) => item.agentId === agentId);
  if (!lease || now - lease.lastSeenAt < 60_000) return;
  await store.updatePool({ now, leaseMs: leaseMs(deps), sessionIds: [] }, (state) => ({ state: touchLease(state, { agentId }, now), value: undefined }));
}
