import { describe, expect, it } from 'vitest';
import { onRateLimit } from './effective-limit.js';
import { expireLeases } from './expire-leases.js';
import { emptyPoolState, type PoolConfig, type PoolLease } from './pool-state.js';

const config: PoolConfig = { maxConcurrent: 4, maxPerSession: 24, cooldownSeconds: 60, leaseMinutes: 30 };
const T0 = Date.parse('2026-11-25T12:00:00Z');
const min = (minutes: number) => T0 + minutes * 60_000;
const lease = (id: string, sessionId: string, lastSeenAt: number): PoolLease => ({ id, sessionId, startedAt: min(-60), lastSeenAt });

describe('expireLeases', () => {
  const state = { leases: [lease('fresh', 's1', min(-29)), lease('edge', 's1', min(-30)), lease('silent', 's2', min(-31))], sessions: {} };

  it.each<[string, ReadonlySet<string> | undefined, string[], string[]]>([
    ['silent longer than leaseMinutes', undefined, ['fresh', 'edge'], ['silent']],
    ['sessions that ended', new Set(['s2']), [], ['fresh', 'edge', 'silent']],
    ['all sessions alive', new Set(['s1', 's2']), ['fresh', 'edge'], ['silent']],
  ])('expires %s', (_name, live, kept, expired) => {
    const result = expireLeases(state, T0, config, live);
    expect(result.state.leases.map((l) => l.id)).toEqual(kept);
    expect(result.expired.map((l) => l.id)).toEqual(expired);
  });

  it('forgets a rate limit once fully recovered, not before', () => {
    const lowered = onRateLimit(emptyPoolState(), T0, 'overloaded', config); // 2, back to 4 after 120 s
    expect(expireLeases(lowered, T0 + 119_000, config).state.rateLimit).toBeDefined();
    expect(expireLeases(lowered, T0 + 120_000, config).state.rateLimit).toBeUndefined();
  });

  it('does not change the state it was given', () => {
    expireLeases(state, T0, config);
    expect(state.leases).toHaveLength(3);
  });
});
