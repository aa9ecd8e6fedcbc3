/**
 * The Claude Code 2.1.197 hook events ctxkit handles, the stdin fields each one must carry, and
 * their TypeScript shapes (shared/reference/claude-code.md §2). Only what ctxkit relies on is
 * required; everything else is optional so a newer Claude Code with extra fields still passes.
 */
export type FieldType = 'string' | 'object' | 'array' | 'boolean' | 'present';

const common = { session_id: 'string', cwd: 'string', hook_event_name: 'string' } as const satisfies Record<string, FieldType>;

export const hookEventFields = {
  SessionStart: { ...common, source: 'string' },
  UserPromptSubmit: { ...common, prompt: 'string' },
  PreToolUse: { ...common, tool_name: 'string', tool_input: 'object', tool_use_id: 'string' },
  PostToolUse: { ...common, tool_name: 'string', tool_input: 'object', tool_use_id: 'string', tool_response: 'present' },
  PostToolUseFailure: { ...common, tool_name: 'string', tool_input: 'object', tool_use_id: 'string', error: 'string' },
  PostToolBatch: { ...common, tool_calls: 'array' },
  SubagentStart: { ...common, agent_id: 'string', agent_type: 'string' },
  SubagentStop: { ...common, agent_id: 'string', agent_type: 'string' },
  PreCompact: { ...common, trigger: 'string' },
  PostCompact: { ...common, trigger: 'string', compact_summary: 'string' },
  Stop: { ...common },
  StopFailure: { ...common, error: 'string' },
  SessionEnd: { ...common, reason: 'string' },
} as const satisfies Record<string, Record<string, FieldType>>;

export type HookEventName = keyof typeof hookEventFields;

export const hookEventNames = Object.keys(hookEventFields) as HookEventName[];

export function isHookEventName(name: string): name is HookEventName {
  return Object.hasOwn(hookEventFields, name);
}

/** Fields every event has. */
export interface HookEventBase {
  session_id: string;
  cwd: string;
  hook_event_name: string;
  transcript_path?: string;
  prompt_id?: string;
  permission_mode?: string;
  /** Present when the event fires inside a subagent. */
  agent_id?: string;
  agent_type?: string;
}

export interface ToolCall {
  tool_name: string;
  tool_input: Record<string, unknown>;
  tool_use_id: string;
  tool_response?: unknown;
}

export interface SessionStartEvent extends HookEventBase {
  hook_event_name: 'SessionStart';
  source: string;
  model?: string;
}
export interface UserPromptSubmitEvent extends HookEventBase {
  hook_event_name: 'UserPromptSubmit';
  prompt: string;
}
export interface PreToolUseEvent extends HookEventBase, ToolCall {
  hook_event_name: 'PreToolUse';
}
export interface PostToolUseEvent extends HookEventBase, ToolCall {
  hook_event_name: 'PostToolUse';
  tool_response: unknown;
  duration_ms?: number;
}
/** A tool call that failed; for Bash a non-zero exit, with `error: "Exit code N\n<stderr>"`. */
export interface PostToolUseFailureEvent extends HookEventBase, ToolCall {
  hook_event_name: 'PostToolUseFailure';
  error: string;
  is_interrupt?: boolean;
  duration_ms?: number;
}
export interface PostToolBatchEvent extends HookEventBase {
  hook_event_name: 'PostToolBatch';
  tool_calls: ToolCall[];
}
export interface SubagentStartEvent extends HookEventBase {
  hook_event_name: 'SubagentStart';
  agent_id: string;
  agent_type: string;
}
export interface SubagentStopEvent extends HookEventBase {
  hook_event_name: 'SubagentStop';
  agent_id: string;
  agent_type: string;
  agent_transcript_path?: string;
  last_assistant_message?: string;
  stop_hook_active?: boolean;
}
export interface PreCompactEvent extends HookEventBase {
  hook_event_name: 'PreCompact';
  trigger: string;
  custom_instructions?: string | null;
}
export interface PostCompactEvent extends HookEventBase {
  hook_event_name: 'PostCompact';
  trigger: string;
  compact_summary: string;
}
export interface StopEvent extends HookEventBase {
  hook_event_name: 'Stop';
  stop_hook_active?: boolean;
  last_assistant_message?: string;
}
export interface StopFailureEvent extends HookEventBase {
  hook_event_name: 'StopFailure';
  error: string;
  error_details?: unknown;
  last_assistant_message?: string;
}
export interface SessionEndEvent extends HookEventBase {
  hook_event_name: 'SessionEnd';
  reason: string;
}

export interface HookEventMap {
  SessionStart: SessionStartEvent;
  UserPromptSubmit: UserPromptSubmitEvent;
  PreToolUse: PreToolUseEvent;
  PostToolUse: PostToolUseEvent;
  PostToolUseFailure: PostToolUseFailureEvent;
  PostToolBatch: PostToolBatchEvent;
  SubagentStart: SubagentStartEvent;
  SubagentStop: SubagentStopEvent;
  PreCompact: PreCompactEvent;
  PostCompact: PostCompactEvent;
  Stop: StopEvent;
  StopFailure: StopFailureEvent;
  SessionEnd: SessionEndEvent;
}

export type HookEvent = HookEventMap[HookEventName];
