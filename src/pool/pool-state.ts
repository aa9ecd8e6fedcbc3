import type { CtxkitConfig } from '../config/defaults.js';

/**
 * The subagent pool as data. Every pool function takes a state and returns a new one (nothing is
 * mutated), so the store can load it, let the core decide and save it back in one transaction.
 * Times are epoch milliseconds, passed in by the caller.
 */
export type PoolConfig = CtxkitConfig['pool'];

/** One running subagent (or one Agent call about to start one). */
export interface PoolLease {
  /** The Agent call's tool_use_id (PreToolUse) or the subagent's agent_id (SubagentStart). */
  id: string;
  sessionId: string;
  agentType?: string;
  /** Set once SubagentStart names the subagent. */
  agentId?: string;
  startedAt: number;
  /** Last sign of life (lease, start, a hook from the subagent); a lease silent for leaseMinutes expires. */
  lastSeenAt: number;
}

/** What the pool knows of a session. */
export interface PoolSession {
  /** Subagents the session has started (leases granted), for pool.maxPerSession. */
  started: number;
  /** Tokens the session has used so far (from its transcript), for pool.sessionTokenBudget. */
  tokensUsed: number;
  /** How far the session's transcripts have been read for `tokensUsed` (only kept while a budget is set). */
  usage?: SessionUsageCursor;
}

/**
 * A running token count over a session's transcript, read a slice at a time: `tokensUsed` is
 * `mainTokens + subagentTokens`.
 */
export interface SessionUsageCursor {
  /** Bytes of the session's own transcript read so far (always up to a complete line). */
  offset: number;
  /** Tokens of the session's own API responses up to `offset`, each response counted once. */
  mainTokens: number;
  /** Tokens of the session's finished subagents (added from their transcripts at SubagentStop). */
  subagentTokens: number;
  /** The last response counted: its further lines (same message.id) may raise its figures but not count again. */
  lastMessageId?: string;
  lastMessageTokens?: number;
}

/** A rate-limit or overload failure lowered the concurrent limit. */
export interface RateLimitState {
  /** When the limit was (last) lowered. */
  at: number;
  /** The StopFailure error that lowered it (`rate_limit`, `overloaded`). */
  kind: string;
  /** The limit right after lowering; it rises by 1 per cooldown period from `at`. */
  loweredTo: number;
}

export interface PoolState {
  leases: PoolLease[];
  sessions: Record<string, PoolSession>;
  rateLimit?: RateLimitState;
}

/** A pool with nothing running. */
export function emptyPoolState(): PoolState {
  return { leases: [], sessions: {} };
}
