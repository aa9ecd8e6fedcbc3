import type { PoolLease, PoolState } from './pool-state.js';

/** Which lease a hook event is about: by lease id, by subagent id, or the session's oldest unnamed lease. */
export interface LeaseKey {
  leaseId?: string;
  agentId?: string;
  sessionId?: string;
  agentType?: string;
}

/**
 * Ends a lease (SubagentStop). Looks it up by `leaseId`, then by `agentId`; failing both, with a
 * `sessionId`, takes that session's oldest lease not yet named by a SubagentStart (of the same agent type
 * when one is given), since a lease taken at PreToolUse only knows the tool_use_id.
 */
export function releaseLease(state: PoolState, key: LeaseKey): { state: PoolState; released?: PoolLease } {
  const lease = findLease(state, key);
  if (!lease) return { state };
  return { state: { ...state, leases: state.leases.filter((item) => item !== lease) }, released: lease };
}

/**
 * Names a lease after its subagent (SubagentStart) and counts as a sign of life. When no lease fits (the
 * Agent call was not seen), one is added: the subagent already runs, so it takes a slot whatever the limit.
 */
export function attachAgent(
  state: PoolState,
  input: { sessionId: string; agentId: string; agentType?: string },
  now: number,
): { state: PoolState; lease: PoolLease; created: boolean } {
  const found = findLease(state, { agentId: input.agentId, sessionId: input.sessionId, ...(input.agentType !== undefined ? { agentType: input.agentType } : {}) });
  if (found) {
    const lease: PoolLease = { ...found, agentId: input.agentId, lastSeenAt: now };
    if (input.agentType !== undefined && lease.agentType === undefined) lease.agentType = input.agentType;
    return { state: { ...state, leases: state.leases.map((item) => (item === found ? lease : item)) }, lease, created: false };
  }
  const lease: PoolLease = { id: input.agentId, sessionId: input.sessionId, agentId: input.agentId, startedAt: now, lastSeenAt: now };
  if (input.agentType !== undefined) lease.agentType = input.agentType;
  const session = state.sessions[input.sessionId] ?? { started: 0, tokensUsed: 0 };
  return {
    state: { ...state, leases: [...state.leases, lease], sessions: { ...state.sessions, [input.sessionId]: { ...session, started: session.started + 1 } } },
    lease,
    created: true,
  };
}

/** Marks a lease as alive (any hook from its subagent); unknown keys change nothing. */
export function touchLease(state: PoolState, key: LeaseKey, now: number): PoolState {
  const lease = findLease(state, key);
  if (!lease) return state;
  return { ...state, leases: state.leases.map((item) => (item === lease ? { ...item, lastSeenAt: now } : item)) };
}

function findLease(state: PoolState, key: LeaseKey): PoolLease | undefined {
  if (key.leaseId !== undefined) {
    const byId = state.leases.find((lease) => lease.id === key.leaseId);
    if (byId) return byId;
  }
  if (key.agentId !== undefined) {
    const byAgent = state.leases.find((lease) => lease.agentId === key.agentId || lease.id === key.agentId);
    if (byAgent) return byAgent;
  }
  if (key.sessionId === undefined) return undefined;
  const unnamed = state.leases
    .filter((lease) => lease.sessionId === key.sessionId && lease.agentId === undefined)
    .sort((a, b) => a.startedAt - b.startedAt);
  return unnamed.find((lease) => key.agentType === undefined || lease.agentType === undefined || lease.agentType === key.agentType);
}
