import { formatCount } from '../stats/format-table.js';
import type { LimitStatus } from './effective-limit.js';

/**
 * What the model reads when the pool denies an Agent call (PreToolUse `permissionDecisionReason`). Each
 * says what is going on and what to do instead: wait and retry, batch, or work without subagents.
 */
export const poolMessages = {
  busy(input: { running: number; fromOtherSessions: number; status: LimitStatus; retryAfterSeconds: number; now: number }): string {
    const { running, fromOtherSessions, status, retryAfterSeconds, now } = input;
    const others = fromOtherSessions > 0 ? ` (${fromOtherSessions} from other sessions)` : '';
    const head = `ctxkit pool: ${running} subagent${running === 1 ? ' is' : 's are'} running in this project${others}`;
    const lowered = status.lowered;
    if (!lowered) {
      return `${head}; the limit is ${status.limit} (pool.maxConcurrent). Retry this Agent call in about ${retryAfterSeconds} seconds or after a running subagent returns, or batch the remaining work into fewer subagents, or do it directly.`;
    }
    const ago = seconds(now - lowered.since);
    return (
      `${head}; the limit is ${status.limit}, lowered from ${status.max} after a ${lowered.kind} error ${ago} seconds ago. ` +
      `It rises by 1 in ${seconds(lowered.nextStepAt - now)} seconds and is back to ${status.max} in ${seconds(lowered.recoveredAt - now)} seconds. ` +
      `Retry this Agent call in about ${retryAfterSeconds} seconds, or batch the remaining work into fewer subagents, or do it directly.`
    );
  },
  sessionLimit(input: { started: number; max: number }): string {
    return `ctxkit pool: this session has started ${input.started} subagents, the most one session may start (pool.maxPerSession = ${input.max}). Do the remaining work directly, without subagents.`;
  },
  sessionBudget(input: { used: number; budget: number }): string {
    return `ctxkit pool: this session has used ${formatCount(input.used)} tokens, at or over its budget of ${formatCount(input.budget)} (pool.sessionTokenBudget), so it starts no more subagents. Do the remaining work directly, or ask the user to raise the budget.`;
  },
};

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
