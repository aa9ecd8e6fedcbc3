/**
 * What ctxkit keeps of one Claude Code transcript file (a session's main file or one subagent's file).
 * Timestamps stay the ISO strings Claude Code wrote; callers that compare them use `Date.parse`.
 */
import type { TokenUsage } from './token-usage.js';

export type { TokenUsage } from './token-usage.js';

/** One `tool_use` block the model sent. */
export interface ToolCall {
  id: string;
  name: string;
  input: unknown;
  at?: string;
}

/** One tool result: the `tool_result` block plus the structured `toolUseResult` of its line. */
export interface ToolResult {
  toolUseId: string;
  /** Resolved from the matching tool call in the same file, when there is one. */
  toolName?: string;
  isError: boolean;
  /** Estimated tokens of the text the model received in the `tool_result` block. */
  tokens: number;
  /** For an Agent (Task) call: the subagent's id, from the structured result. */
  agentId?: string;
  /** For an Agent (Task) call: the subagent's type, from the structured result. */
  agentType?: string;
  /** The structured result (`toolUseResult`); kept only when the reader is asked to keep results. */
  result?: unknown;
  at?: string;
}

/** Context a hook added (`attachment.type === 'hook_additional_context'`). */
export interface InjectedContext {
  hookEvent?: string;
  hookName?: string;
  tokens: number;
  chars: number;
  at?: string;
}

/** Why an API call failed, in StopFailure's vocabulary where the transcript says it. */
export type ApiErrorKind =
  | 'rate_limit'
  | 'overloaded'
  | 'authentication_failed'
  | 'billing_error'
  | 'invalid_request'
  | 'model_not_found'
  | 'server_error'
  | 'max_output_tokens'
  | 'unknown';

/** A failed API call: a final error message (`isApiErrorMessage`) or a retried one (`system` `api_error`). */
export interface ApiError {
  kind: ApiErrorKind;
  /** True for a `system` line announcing a retry; false for the error that ended a turn. */
  isRetry: boolean;
  text: string;
  at?: string;
}

/** A slash command the user ran (`<command-name>/x</command-name>` in a user line). */
export interface SlashCommand {
  name: string;
  args?: string;
  at?: string;
}

/** How many lines of each kind the reader met, and how many it skipped. */
export interface LineCounts {
  total: number;
  /** Lines that parsed and whose `type` the reader knows. */
  read: number;
  /** Lines that were not JSON objects. */
  unparsable: number;
  /** Objects without a known `type` (newer or older Claude Code writes them); skipped, not an error. */
  unknownType: number;
  byType: Record<string, number>;
}

/** Summary of one transcript file. */
export interface TranscriptSummary {
  /** The session the file belongs to (for a subagent file: the parent session). */
  sessionId?: string;
  /** Set for a subagent file (`agentId` on its lines, or its file name). */
  agentId?: string;
  /** Subagent type, from the file's `.meta.json` or the parent's Agent call. */
  agentType?: string;
  cwd?: string;
  version?: string;
  gitBranch?: string;
  /** Models in order of first use; Claude Code's own `<synthetic>` messages are left out. */
  models: string[];
  firstAt?: string;
  lastAt?: string;
  usage: TokenUsage;
  /** Distinct API responses (distinct `message.id`s) that carried usage. */
  apiCalls: number;
  usageByModel: Record<string, TokenUsage & { apiCalls: number }>;
  toolCalls: ToolCall[];
  toolResults: ToolResult[];
  /** Blocks ctxkit injected (they start with CTXKIT_CONTEXT_MARKER). */
  ctxkitContext: InjectedContext[];
  /** Tokens other hooks injected, for comparison. */
  otherHookContextTokens: number;
  apiErrors: ApiError[];
  commands: SlashCommand[];
  /**
   * Older layouts wrote subagent lines (`isSidechain: true`) into the session's own file; their usage is
   * kept here by `agentId` (or `sidechain` when the lines carry none) and left out of `usage`.
   */
  inlineSidechains: Record<string, { usage: TokenUsage; apiCalls: number; models: string[] }>;
  lines: LineCounts;
}

/** A session: its main file and its subagents' files. */
export interface SessionTranscript {
  sessionId: string;
  /** Path of the main file, when it was found. */
  path?: string;
  main: TranscriptSummary;
  subagents: TranscriptSummary[];
}
