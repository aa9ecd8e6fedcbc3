import { describe, expect, it } from 'vitest';
import { BUSY_RETRY_SECONDS, decideLease, type LeaseDecision } from './decide-lease.js';
import { onRateLimit } from './effective-limit.js';
import { emptyPoolState, type PoolConfig, type PoolLease, type PoolState } from './pool-state.js';

const config: PoolConfig = { maxConcurrent: 2, maxPerSession: 3, cooldownSeconds: 60, leaseMinutes: 30 };
const T0 = Date.parse('2026-11-25T12:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;

const lease = (id: string, sessionId: string, at = T0): PoolLease => ({ id, sessionId, startedAt: at, lastSeenAt: at });

function denied(decision: LeaseDecision) {
  if (decision.allow) throw new Error(`expected a denial, got lease ${decision.lease.id}`);
  return decision;
}

describe('decideLease', () => {
  it.each<[string, PoolState, PoolConfig, 'allow' | 'busy' | 'session-limit' | 'session-budget']>([
    ['empty pool', emptyPoolState(), config, 'allow'],
    ['one running', { leases: [lease('a', 's1')], sessions: {} }, config, 'allow'],
    ['limit reached', { leases: [lease('a', 's1'), lease('b', 's2')], sessions: {} }, config, 'busy'],
    ['session started its maximum', { leases: [], sessions: { s1: { started: 3, tokensUsed: 0 } } }, config, 'session-limit'],
    ['session over its token budget', { leases: [], sessions: { s1: { started: 0, tokensUsed: 5000 } } }, { ...config, sessionTokenBudget: 5000 }, 'session-budget'],
    ['session under its token budget', { leases: [], sessions: { s1: { started: 0, tokensUsed: 4999 } } }, { ...config, sessionTokenBudget: 5000 }, 'allow'],
    ['silent leases expired first', { leases: [lease('a', 's1', s(-3600)), lease('b', 's2', s(-3600))], sessions: {} }, config, 'allow'],
  ])('%s', (_name, state, cfg, expected) => {
    const decision = decideLease(state, { leaseId: 'new', sessionId: 's1' }, T0, cfg);
    expect(decision.allow ? 'allow' : decision.code).toBe(expected);
  });

  it('adds the lease and counts it for the session', () => {
    const decision = decideLease(emptyPoolState(), { leaseId: 'toolu_1', sessionId: 's1', agentType: 'Explore' }, T0, config);
    expect(decision.allow).toBe(true);
    expect(decision.state.leases).toEqual([{ id: 'toolu_1', sessionId: 's1', agentType: 'Explore', startedAt: T0, lastSeenAt: T0 }]);
    expect(decision.state.sessions.s1).toEqual({ started: 1, tokensUsed: 0 });
  });

  it('grants the same lease id again without taking a second slot', () => {
    const first = decideLease(emptyPoolState(), { leaseId: 'toolu_1', sessionId: 's1' }, T0, config);
    const again = decideLease(first.state, { leaseId: 'toolu_1', sessionId: 's1' }, s(5), config);
    expect(again.allow).toBe(true);
    expect(again.state.leases).toHaveLength(1);
    expect(again.state.leases[0]?.lastSeenAt).toBe(s(5));
    expect(again.state.sessions.s1?.started).toBe(1);
  });

  it('fills the pool then denies with how many run, the limit, when to retry, and batching', () => {
    let state = emptyPoolState();
    for (const id of ['t1', 't2']) state = decideLease(state, { leaseId: id, sessionId: id === 't1' ? 's1' : 's2' }, T0, config).state;
    const denial = denied(decideLease(state, { leaseId: 't3', sessionId: 's1' }, s(1), config));
    expect(denial.code).toBe('busy');
    expect(denial.retryAfterSeconds).toBe(BUSY_RETRY_SECONDS);
    expect(denial.reason).toBe(
      'ctxkit pool: 2 subagents are running in this project (1 from other sessions); the limit is 2 (pool.maxConcurrent). ' +
        `Retry this Agent call in about ${BUSY_RETRY_SECONDS} seconds or after a running subagent returns, or batch the remaining work into fewer subagents, or do it directly.`,
    );
    expect(denial.state.leases.map((l) => l.id)).toEqual(['t1', 't2']);
  });

  it('while a rate limit recovers, says so and when a slot opens', () => {
    const wide: PoolConfig = { ...config, maxConcurrent: 8, maxPerSession: 50 };
    let state = onRateLimit(emptyPoolState(), T0, 'rate_limit', wide); // limit 4, +1 per 60 s
    for (let i = 0; i < 4; i++) state = decideLease(state, { leaseId: `t${i}`, sessionId: 's1' }, s(10), wide).state;
    const denial = denied(decideLease(state, { leaseId: 't4', sessionId: 's1' }, s(10), wide));
    expect(denial.retryAfterSeconds).toBe(50);
    expect(denial.reason).toContain('the limit is 4, lowered from 8 after a rate_limit error 10 seconds ago');
    expect(denial.reason).toContain('It rises by 1 in 50 seconds and is back to 8 in 230 seconds');
    expect(denial.reason).toContain('Retry this Agent call in about 50 seconds, or batch the remaining work into fewer subagents');
    // A minute later the limit is 5: the same call gets its slot.
    expect(decideLease(state, { leaseId: 't4', sessionId: 's1' }, s(60), wide).allow).toBe(true);
  });

  it('names the session limit and the budget in words the model can act on', () => {
    const limit = denied(decideLease({ leases: [], sessions: { s1: { started: 3, tokensUsed: 0 } } }, { leaseId: 'x', sessionId: 's1' }, T0, config));
    expect(limit.reason).toBe('ctxkit pool: this session has started 3 subagents, the most one session may start (pool.maxPerSession = 3). Do the remaining work directly, without subagents.');
    expect(limit.retryAfterSeconds).toBeUndefined();
    const budget = denied(
      decideLease({ leases: [], sessions: { s1: { started: 0, tokensUsed: 1_250_000 } } }, { leaseId: 'x', sessionId: 's1' }, T0, { ...config, sessionTokenBudget: 1_000_000 }),
    );
    expect(budget.reason).toContain('this session has used 1,250,000 tokens, at or over its budget of 1,000,000 (pool.sessionTokenBudget)');
  });
});
