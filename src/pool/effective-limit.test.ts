import { describe, expect, it } from 'vitest';
import { effectiveLimit, isRateLimitError, limitStatus, onRateLimit } from './effective-limit.js';
import { emptyPoolState, type PoolConfig } from './pool-state.js';

const config: PoolConfig = { maxConcurrent: 8, maxPerSession: 24, cooldownSeconds: 120, leaseMinutes: 30 };
const T0 = Date.parse('2026-11-25T12:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;

describe('effectiveLimit after a rate limit', () => {
  const lowered = onRateLimit(emptyPoolState(), T0, 'rate_limit', config);

  it.each([
    [0, 4],
    [119, 4],
    [120, 5],
    [239, 5],
    [240, 6],
    [360, 7],
    [480, 8],
    [10_000, 8],
  ])('%i s after: %i', (seconds, limit) => {
    expect(effectiveLimit(lowered, s(seconds), config)).toBe(limit);
  });

  it('is maxConcurrent with no rate limit', () => {
    expect(effectiveLimit(emptyPoolState(), T0, config)).toBe(8);
    expect(limitStatus(emptyPoolState(), T0, config)).toEqual({ limit: 8, max: 8 });
  });

  it('says when the limit next rises and when it is back', () => {
    expect(limitStatus(lowered, s(130), config)).toEqual({
      limit: 5,
      max: 8,
      lowered: { kind: 'rate_limit', since: T0, nextStepAt: s(240), recoveredAt: s(480) },
    });
  });

  it('halves from the current limit, never below 1', () => {
    const again = onRateLimit(lowered, s(250), 'overloaded', config); // limit 6 then
    expect(effectiveLimit(again, s(250), config)).toBe(3);
    const tiny = { ...config, maxConcurrent: 1 };
    expect(effectiveLimit(onRateLimit(emptyPoolState(), T0, 'rate_limit', tiny), T0, tiny)).toBe(1);
  });

  it('treats failures within one cooldown as one burst: the timer restarts, the limit is not halved again', () => {
    const burst = onRateLimit(onRateLimit(lowered, s(5), 'rate_limit', config), s(10), 'rate_limit', config);
    expect(effectiveLimit(burst, s(10), config)).toBe(4);
    expect(effectiveLimit(burst, s(129), config)).toBe(4);
    expect(effectiveLimit(burst, s(130), config)).toBe(5);
  });

  it('knows which StopFailure errors mean load', () => {
    expect(['rate_limit', 'overloaded', 'server_error', 'billing_error', undefined].map(isRateLimitError)).toEqual([true, true, false, false, false]);
  });
});
