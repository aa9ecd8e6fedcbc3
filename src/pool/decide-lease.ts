import { limitStatus } from './effective-limit.js';
import { expireLeases } from './expire-leases.js';
import { poolMessages } from './messages.js';
import type { PoolConfig, PoolLease, PoolState } from './pool-state.js';

/** How long to suggest waiting when every slot is taken and no rate limit is recovering. */
export const BUSY_RETRY_SECONDS = 30;

/** An Agent call (or a subagent start) asking for a slot. */
export interface LeaseRequest {
  /** The Agent call's tool_use_id, or the subagent's agent_id. Asking again with the same id is a no-op. */
  leaseId: string;
  sessionId: string;
  agentType?: string;
  agentId?: string;
}

/** Why a lease was denied, for records and tests; `reason` is the text for the model. */
export type DenialCode = 'busy' | 'session-limit' | 'session-budget';

export type LeaseDecision =
  | { allow: true; lease: PoolLease; state: PoolState }
  | { allow: false; code: DenialCode; reason: string; retryAfterSeconds?: number; state: PoolState };

/**
 * Decides whether a new subagent may start. Silent leases expire first. Then, in order: the session's
 * token budget (pool.sessionTokenBudget), the number of subagents the session has started
 * (pool.maxPerSession), and the subagents running across the project against the effective limit
 * (pool.maxConcurrent, lowered after a rate limit). A grant adds the lease and counts it for the session.
 * The returned state holds the expiries and, on a grant, the new lease.
 */
export function decideLease(state: PoolState, request: LeaseRequest, now: number, config: PoolConfig): LeaseDecision {
  const current = expireLeases(state, now, config).state;
  const existing = current.leases.find((lease) => lease.id === request.leaseId);
  if (existing) {
    const lease = { ...existing, lastSeenAt: now };
    return { allow: true, lease, state: { ...current, leases: current.leases.map((item) => (item === existing ? lease : item)) } };
  }

  const session = current.sessions[request.sessionId] ?? { started: 0, tokensUsed: 0 };
  const budget = config.sessionTokenBudget;
  if (budget !== undefined && session.tokensUsed >= budget) {
    return { allow: false, code: 'session-budget', reason: poolMessages.sessionBudget({ used: session.tokensUsed, budget }), state: current };
  }
  if (session.started >= config.maxPerSession) {
    return { allow: false, code: 'session-limit', reason: poolMessages.sessionLimit({ started: session.started, max: config.maxPerSession }), state: current };
  }

  const status = limitStatus(current, now, config);
  const running = current.leases.length;
  if (running >= status.limit) {
    const retryAfterSeconds = retryAfter(current, running, now, config);
    const fromOtherSessions = current.leases.filter((lease) => lease.sessionId !== request.sessionId).length;
    return {
      allow: false,
      code: 'busy',
      reason: poolMessages.busy({ running, fromOtherSessions, status, retryAfterSeconds, now }),
      retryAfterSeconds,
      state: current,
    };
  }

  const lease: PoolLease = { id: request.leaseId, sessionId: request.sessionId, startedAt: now, lastSeenAt: now };
  if (request.agentType !== undefined) lease.agentType = request.agentType;
  if (request.agentId !== undefined) lease.agentId = request.agentId;
  return {
    allow: true,
    lease,
    state: {
      ...current,
      leases: [...current.leases, lease],
      sessions: { ...current.sessions, [request.sessionId]: { ...session, started: session.started + 1 } },
    },
  };
}

/**
 * Seconds until a slot can open without anything finishing: while a rate limit recovers, when the limit
 * has risen above the running count; otherwise (or if recovery alone cannot make room) a short wait.
 */
function retryAfter(state: PoolState, running: number, now: number, config: PoolConfig): number {
  const rateLimit = state.rateLimit;
  if (!rateLimit || running >= config.maxConcurrent) return BUSY_RETRY_SECONDS;
  const cooldown = config.cooldownSeconds * 1000;
  const stepsNeeded = running + 1 - rateLimit.loweredTo;
  return Math.max(1, Math.ceil((rateLimit.at + stepsNeeded * cooldown - now) / 1000));
}
