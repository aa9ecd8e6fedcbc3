import type { PoolState } from '../pool/pool-state.js';

/**
 * The store's interface: everything the hooks, injection, in-flight compression, the guard, the pool
 * and stats need from persistence, and nothing SQL-shaped. The SQLite implementation is
 * sqlite-store.ts; a shared backend (PostgreSQL) would implement the same interface, which is why
 * every method returns a Promise although better-sqlite3 is synchronous.
 */

/** What a discovery is about. Free-form strings are allowed so new capture kinds need no migration. */
export type DiscoveryKind = 'file' | 'search' | 'command' | 'web' | 'agent-report' | 'compaction' | 'edit' | 'mcp' | 'tool' | (string & {});

/** Who found something: the session, and the subagent when it ran inside one. */
export interface Finder {
  sessionId: string;
  agentId?: string;
  agentType?: string;
}

export interface DiscoveryInput extends Finder {
  kind: DiscoveryKind;
  /** Path (project-relative for files inside the project), search pattern, command line, URL, task. */
  key: string;
  toolName?: string;
  /** Unique per kind: recording the same tool call twice (hook + transcript reconcile) keeps one row. */
  toolUseId?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Files: git blob sha1 of the bytes on disk; other kinds: git blob sha1 of the raw text. */
  contentHash?: string;
  /** 1-based inclusive line range of a partial file read. */
  range?: { start: number; end: number };
  rawBytes: number;
  rawTokens: number;
  /** The compressed form (already redacted). */
  summary: string;
  summaryTokens: number;
  meta?: Record<string, unknown>;
  /** The redacted raw text, kept for `ctxkit show` within `store.maxBlobMegabytes`. */
  original?: OriginalText;
  /** File discoveries: mark earlier discoveries of the same key with another hash stale, atomically. */
  supersede?: boolean;
}

export interface OriginalText {
  text: string;
  /** Bash stderr, printed after stdout by `ctxkit show`. */
  stderr?: string;
}

export interface Discovery extends Required<Pick<DiscoveryInput, 'kind' | 'key' | 'sessionId' | 'createdAt' | 'rawBytes' | 'rawTokens' | 'summary' | 'summaryTokens'>> {
  id: number;
  agentId?: string;
  agentType?: string;
  toolName?: string;
  toolUseId?: string;
  contentHash?: string;
  range?: { start: number; end: number };
  meta: Record<string, unknown>;
  stale: boolean;
  useCount: number;
  lastUsedAt?: number;
  /** True when an original is kept (`getOriginal` returns it). */
  hasOriginal: boolean;
  /** Agent reports: the task prompt and the files the subagent read, with their hashes then. */
  handoff?: { task: string; sources: HandoffSource[]; transcriptPath?: string };
}

export interface DiscoveryQuery {
  kinds?: DiscoveryKind[];
  key?: string;
  keys?: string[];
  contentHash?: string;
  sessionId?: string;
  /** Only what other sessions found (the cross-session case of guard and inject). */
  excludeSessionId?: string;
  agentId?: string;
  /** Full-text match over key, summary and handoff task (FTS5, BM25 order). */
  text?: string;
  includeStale?: boolean;
  /** createdAt >= since. */
  since?: number;
  /** Default 50. */
  limit?: number;
}

/** An item's ranking terms, with the summary they were computed from (they are kept only if it is unchanged). */
export interface RankingTerms {
  terms: readonly string[];
  summary: string;
}

export interface HandoffSource {
  path: string;
  contentHash?: string;
}

export interface HandoffInput extends Finder {
  toolUseId?: string;
  /** The full task prompt the subagent got. */
  task: string;
  /** Short label (Agent `description`, or the task's first line): the discovery key. */
  description: string;
  createdAt: number;
  rawBytes: number;
  rawTokens: number;
  summary: string;
  summaryTokens: number;
  original?: OriginalText;
  sources: HandoffSource[];
  transcriptPath?: string;
  meta?: Record<string, unknown>;
}

export interface SessionStart {
  id: string;
  at: number;
  source?: string;
  cwd?: string;
  transcriptPath?: string;
}

export interface AgentTask {
  sessionId: string;
  toolUseId: string;
  prompt: string;
  description?: string;
  subagentType?: string;
  at: number;
}

export interface AgentRecord {
  id: string;
  sessionId: string;
  agentType?: string;
  /** The task prompt, when the Agent call that started it was seen. */
  task?: string;
  description?: string;
  toolUseId?: string;
  startedAt?: number;
  stoppedAt?: number;
  transcriptPath?: string;
}

/** What a pool decision changes, besides the state itself: rows recorded in the same transaction. */
export interface PoolUpdate<T> {
  state: PoolState;
  /** What `updatePool` resolves to. */
  value: T;
  /** Accounting rows (pool records) written together with the new state. */
  usage?: UsageEntry[];
}

export interface UsageEntry {
  sessionId: string;
  agentId?: string;
  /** captured, injected, saved, guarded, … : what the tokens were spent on or spared. */
  kind: string;
  tokens: number;
  ref?: string;
  at: number;
}

export type ForgetScope = { sessionId: string } | { pathGlob: string } | { all: true };

export interface ForgetResult {
  discoveries: number;
  originals: number;
  handoffs: number;
  sessions: number;
  agents: number;
  usage: number;
  leases: number;
  total: number;
}

export interface StoreCounts {
  sessions: number;
  discoveries: number;
  staleDiscoveries: number;
  originals: number;
  originalBytes: number;
}

/** The store's whole surface. Every method is atomic on its own. */
export interface Store {
  /** Records a discovery; `created` is false when its tool_use_id was already recorded for that kind. */
  record(input: DiscoveryInput): Promise<{ id: number; created: boolean }>;
  get(id: number): Promise<Discovery | undefined>;
  getOriginal(id: number): Promise<OriginalText | undefined>;
  find(query: DiscoveryQuery): Promise<Discovery[]>;
  /** Which of these tool_use_ids are already recorded (any kind). */
  recordedToolUses(toolUseIds: string[]): Promise<Set<string>>;
  /** Marks file discoveries of `path` whose hash differs from `currentHash` stale, and agent reports that read it. */
  markStale(input: { path: string; currentHash?: string; at: number }): Promise<number>;
  /**
   * Items whose summary is still the cut a hook took (no summary method yet; with `exceptMethods`, any method but
   * those) and whose original was kept, newest first: what a reducer or a model can summarize better. Stale
   * items are left alone.
   */
  listUnrefined(input: { kinds: readonly string[]; limit: number; /** Also items refined by other methods than these. */ exceptMethods?: readonly string[] }): Promise<Array<{ discovery: Discovery; original: OriginalText }>>;
  /** Replaces a summary with a better one, recording how it was made (FTS follows). */
  setSummary(id: number, input: { summary: string; summaryTokens: number; method: string }): Promise<void>;
  /** Counts a use (injected, shown, guarded) for ranking. */
  markUsed(ids: number[], at: number): Promise<void>;
  /** Records (or completes) a subagent's report as an agent-report discovery with its task and sources. */
  handOff(input: HandoffInput): Promise<{ id: number; created: boolean }>;

  sessionStarted(input: SessionStart): Promise<void>;
  sessionEnded(input: { id: string; reason?: string; at: number }): Promise<void>;
  promptSubmitted(input: { sessionId: string; at: number }): Promise<void>;
  /**
   * Records one injection in ONE write transaction (each commit costs a hook as much as a query): what the
   * conversation was given (`memory`, its state key and whole id list), a use of each item, the usage rows,
   * and with `promptOf` the prompt that asked, as `promptSubmitted` counts it.
   */
  recordInjection(input: {
    at: number;
    usedIds: number[];
    usage: UsageEntry[];
    memory?: { key: string; ids: number[] };
    promptOf?: string;
    /** Ranking terms computed for items that had none (see `rankingTerms`). */
    terms?: ReadonlyMap<number, RankingTerms>;
  }): Promise<void>;
  /**
   * The identifier-aware terms ranking reads for these items, where kept: computed by the first ranking
   * that needs them and kept by its `recordInjection`; cleared when a summary changes.
   */
  rankingTerms(ids: readonly number[]): Promise<Map<number, string[]>>;
  agentTaskQueued(task: AgentTask): Promise<void>;
  /** Registers a subagent and pairs it with the oldest unclaimed Agent task of its type in the session. */
  agentStarted(input: { sessionId: string; agentId: string; agentType?: string; at: number }): Promise<AgentRecord>;
  agentStopped(input: { sessionId: string; agentId: string; agentType?: string; at: number; transcriptPath?: string }): Promise<AgentRecord>;
  getAgent(agentId: string): Promise<AgentRecord | undefined>;

  /**
   * Loads the subagent pool (running leases, the named sessions, the rate-limit state), lets `decide`
   * (a pure function of the state) return the new state, and saves it with its usage rows, all in ONE
   * write transaction: parallel hooks (several Agent calls of one turn, several sessions) never decide
   * on the same snapshot. Leases missing from the new state are released at `now`.
   * @param input.sessionIds the sessions whose counters `decide` needs; others are left out of the state
   * @param input.leaseMs pool.leaseMinutes in ms, kept with each lease as its expiry for readers of the table
   */
  updatePool<T>(input: { now: number; leaseMs: number; sessionIds: string[] }, decide: (state: PoolState) => PoolUpdate<T>): Promise<T>;
  /** The pool as `updatePool` would load it (read only; for `doctor`, `stats` and tests). */
  readPool(input: { sessionIds: string[] }): Promise<PoolState>;

  addUsage(entries: UsageEntry[]): Promise<void>;
  usageTotals(filter: { sessionId?: string; since?: number }): Promise<Record<string, { tokens: number; events: number }>>;
  /** Usage rows in time order (`at >= since`, one session), for `stats` to read ctxkit's own records back. */
  listUsage(filter: { since?: number; sessionId?: string }): Promise<UsageEntry[]>;

  /** Small key/value state for features that need a memory (pool cooldown, transcript offsets). */
  getState(key: string): Promise<string | undefined>;
  setState(key: string, value: string | undefined): Promise<void>;

  forget(scope: ForgetScope): Promise<ForgetResult>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
