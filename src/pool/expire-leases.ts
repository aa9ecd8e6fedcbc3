import { limitStatus } from './effective-limit.js';
import type { PoolConfig, PoolLease, PoolState } from './pool-state.js';

/**
 * Drops leases that can no longer be running: those silent for more than pool.leaseMinutes (a subagent
 * killed with its session never sends SubagentStop) and, when `liveSessions` is given, those of sessions
 * that have ended. Also forgets a rate limit the pool has fully recovered from.
 */
export function expireLeases(
  state: PoolState,
  now: number,
  config: PoolConfig,
  liveSessions?: ReadonlySet<string>,
): { state: PoolState; expired: PoolLease[] } {
  const maxSilence = config.leaseMinutes * 60_000;
  const kept: PoolLease[] = [];
  const expired: PoolLease[] = [];
  for (const lease of state.leases) {
    const isDead = now - lease.lastSeenAt > maxSilence || (liveSessions !== undefined && !liveSessions.has(lease.sessionId));
    (isDead ? expired : kept).push(lease);
  }
  const next: PoolState = { ...state, leases: kept };
  if (state.rateLimit && !limitStatus(state, now, config).lowered) delete next.rateLimit;
  return { state: next, expired };
}
