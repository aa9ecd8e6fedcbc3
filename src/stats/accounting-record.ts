/**
 * What ctxkit records about its own work, one record per event, so `stats` can weigh what it saved against
 * what it cost. The hooks write these through the store (`usage` table); `stats` only reads them.
 * `at` is an ISO 8601 string or epoch milliseconds.
 */
export type Instant = string | number;

/** ctxkit added context to a conversation (SessionStart, UserPromptSubmit, SubagentStart). */
export interface InjectionRecord {
  kind: 'injection';
  sessionId: string;
  tokens: number;
  at: Instant;
  hookEvent?: string;
  agentType?: string;
}

/** A large tool output was replaced in flight by its reduced form. */
export interface InflightRecord {
  kind: 'inflight';
  sessionId: string;
  tool: string;
  /** The reducer's content kind (log, json, search, …). */
  family: string;
  tokensBefore: number;
  tokensAfter: number;
  at: Instant;
}

/**
 * The guard met output another session or agent had already captured. `enforce`: the model saw the stored
 * summary instead (`tokensAfter` < `tokensBefore`); `hint`: the output stayed and a note was added
 * (`tokensAfter` = output + note).
 */
export interface GuardRecord {
  kind: 'guard';
  sessionId: string;
  mode: 'hint' | 'enforce';
  tokensBefore: number;
  tokensAfter: number;
  at: Instant;
  tool?: string;
}

/** A model-written summary (optional `llm` feature): tokens ctxkit spent on another model call. */
export interface LlmSummaryRecord {
  kind: 'llm-summary';
  sessionId: string;
  inputTokens: number;
  outputTokens: number;
  at?: Instant;
}

/**
 * The subagent pool took, denied or released a lease, or lowered its limit after a rate limit.
 * `reason`: the denial code (`busy`, `session-limit`, `session-budget`), why a lease ended (`expired`,
 * `session-ended`, `call-failed`) or the API error that lowered the limit.
 */
export interface PoolRecord {
  kind: 'pool';
  sessionId: string;
  event: 'lease' | 'deny' | 'release' | 'lowered';
  at?: Instant;
  reason?: string;
  agentType?: string;
  /** A denial: tokens of the reason text the model read instead of the subagent's report (ctxkit's cost). */
  tokens?: number;
}

/**
 * An injected item stood in for a rediscovery: the session was given it and did not fetch the original
 * itself. `tokensAvoided` is the original's full size, the estimate of what fetching it would have cost.
 */
export interface RediscoveryReplacedRecord {
  kind: 'rediscovery-replaced';
  sessionId: string;
  tokensAvoided: number;
  at: Instant;
  /** What was not fetched again (a path, a search pattern, a command line). */
  key?: string;
}

export type AccountingRecord = InjectionRecord | InflightRecord | GuardRecord | LlmSummaryRecord | PoolRecord | RediscoveryReplacedRecord;

/** Milliseconds since the epoch of an instant, or undefined when it is missing or unreadable. */
export function instantMs(at: Instant | undefined): number | undefined {
  if (at === undefined) return undefined;
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? undefined : ms;
}
