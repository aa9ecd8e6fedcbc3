import { describe, expect, it } from 'vitest';
import { decideLease } from './decide-lease.js';
import { emptyPoolState, type PoolConfig, type PoolState } from './pool-state.js';
import { attachAgent, releaseLease, touchLease } from './release-lease.js';

const config: PoolConfig = { maxConcurrent: 4, maxPerSession: 24, cooldownSeconds: 60, leaseMinutes: 30 };
const T0 = Date.parse('2026-11-25T12:00:00Z');

function withLeases(...requests: { leaseId: string; sessionId: string; agentType?: string }[]): PoolState {
  let state = emptyPoolState();
  requests.forEach((request, i) => {
    state = decideLease(state, request, T0 + i * 1000, config).state;
  });
  return state;
}

describe('lease life cycle: PreToolUse → SubagentStart → SubagentStop', () => {
  it('names the oldest unnamed lease of the session and type, then releases it by agent id', () => {
    let state = withLeases({ leaseId: 'toolu_1', sessionId: 's1', agentType: 'Explore' }, { leaseId: 'toolu_2', sessionId: 's1', agentType: 'Plan' });
    const started = attachAgent(state, { sessionId: 's1', agentId: 'ag_plan', agentType: 'Plan' }, T0 + 5000);
    expect(started.created).toBe(false);
    expect(started.lease).toMatchObject({ id: 'toolu_2', agentId: 'ag_plan', lastSeenAt: T0 + 5000 });
    state = started.state;
    const stopped = releaseLease(state, { agentId: 'ag_plan', sessionId: 's1' });
    expect(stopped.released?.id).toBe('toolu_2');
    expect(stopped.state.leases.map((l) => l.id)).toEqual(['toolu_1']);
  });

  it('adds a lease at SubagentStart when the Agent call was not seen, counting it for the session', () => {
    const started = attachAgent(emptyPoolState(), { sessionId: 's1', agentId: 'ag_1' }, T0);
    expect(started.created).toBe(true);
    expect(started.state.leases).toEqual([{ id: 'ag_1', sessionId: 's1', agentId: 'ag_1', startedAt: T0, lastSeenAt: T0 }]);
    expect(started.state.sessions.s1?.started).toBe(1);
  });

  it.each<[string, Parameters<typeof releaseLease>[1], string | undefined]>([
    ['by lease id', { leaseId: 'toolu_2' }, 'toolu_2'],
    ['by session when the stop names an agent the pool never saw', { agentId: 'ag_x', sessionId: 's1' }, 'toolu_1'],
    ['nothing for an unknown session', { agentId: 'ag_x', sessionId: 's9' }, undefined],
    ['nothing without a key', {}, undefined],
  ])('releases %s', (_name, key, releasedId) => {
    const state = withLeases({ leaseId: 'toolu_1', sessionId: 's1' }, { leaseId: 'toolu_2', sessionId: 's1' });
    expect(releaseLease(state, key).released?.id).toBe(releasedId);
  });

  it('a sign of life keeps a lease from expiring', () => {
    const state = withLeases({ leaseId: 'toolu_1', sessionId: 's1' });
    const later = T0 + 29 * 60_000;
    expect(touchLease(state, { leaseId: 'toolu_1' }, later).leases[0]?.lastSeenAt).toBe(later);
    expect(touchLease(state, { leaseId: 'nope' }, later)).toBe(state);
  });
});
