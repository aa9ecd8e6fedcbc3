import type { PoolConfig, PoolState } from './pool-state.js';

/** Where the concurrent limit stands at a moment, and when it next rises. */
export interface LimitStatus {
  limit: number;
  max: number;
  /** Present while a rate limit keeps the limit below max. */
  lowered?: {
    kind: string;
    since: number;
    /** When the limit next rises by 1. */
    nextStepAt: number;
    /** When it is back at max. */
    recoveredAt: number;
  };
}

/**
 * The concurrent-subagent limit at `now`: pool.maxConcurrent, or after a rate limit the lowered value
 * plus 1 for every full cooldown period since, up to pool.maxConcurrent.
 */
export function limitStatus(state: PoolState, now: number, config: PoolConfig): LimitStatus {
  const max = config.maxConcurrent;
  const rateLimit = state.rateLimit;
  if (!rateLimit) return { limit: max, max };
  const cooldown = config.cooldownSeconds * 1000;
  const steps = Math.max(0, Math.floor((now - rateLimit.at) / cooldown));
  const limit = Math.min(max, rateLimit.loweredTo + steps);
  if (limit >= max) return { limit: max, max };
  return {
    limit,
    max,
    lowered: {
      kind: rateLimit.kind,
      since: rateLimit.at,
      nextStepAt: rateLimit.at + (steps + 1) * cooldown,
      recoveredAt: rateLimit.at + (max - rateLimit.loweredTo) * cooldown,
    },
  };
}

/** The concurrent-subagent limit at `now` (see {@link limitStatus}). */
export function effectiveLimit(state: PoolState, now: number, config: PoolConfig): number {
  return limitStatus(state, now, config).limit;
}

/**
 * Lowers the concurrent limit after a StopFailure `rate_limit` or `overloaded`: to half the current limit
 * (at least 1), rising again by 1 per cooldown period. Failures within one cooldown period of the last
 * lowering are one burst (parallel subagents hit the same limit together): they restart the cooldown
 * without halving again.
 */
export function onRateLimit(state: PoolState, now: number, kind: string, config: PoolConfig): PoolState {
  const current = effectiveLimit(state, now, config);
  const previous = state.rateLimit;
  const inBurst = previous !== undefined && now - previous.at < config.cooldownSeconds * 1000;
  const loweredTo = inBurst ? current : Math.max(1, Math.floor(current / 2));
  return { ...state, rateLimit: { at: now, kind, loweredTo } };
}

/** True for the StopFailure errors that mean "too much load": they lower the pool's limit. */
export function isRateLimitError(error: string | undefined): boolean {
  return error === 'rate_limit' || error === 'overloaded';
}
