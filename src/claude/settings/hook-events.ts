/**
 * The hook event names Claude Code 2.1.197 accepts as keys of `settings.hooks`, in the binary's order.
 * Any other key is dropped with the warning `Unknown hook event "X" was ignored`.
 */
export const HOOK_EVENTS = [
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'Notification',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'SessionStart',
  'SessionEnd',
  'Stop',
  'StopFailure',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PostCompact',
  'PermissionRequest',
  'PermissionDenied',
  'Setup',
  'TeammateIdle',
  'TaskCreated',
  'TaskCompleted',
  'Elicitation',
  'ElicitationResult',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'InstructionsLoaded',
  'CwdChanged',
  'FileChanged',
  'MessageDisplay',
] as const;

export type HookEventName = (typeof HOOK_EVENTS)[number];

const eventSet: ReadonlySet<string> = new Set(HOOK_EVENTS);

/** True when Claude Code 2.1.197 knows this event name. */
export function isHookEventName(name: string): name is HookEventName {
  return eventSet.has(name);
}

/** Events on which a handler's `if` permission rule is evaluated; elsewhere a handler with `if` never runs. */
export const EVENTS_WITH_IF: ReadonlySet<string> = new Set([
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PermissionRequest',
  'PermissionDenied',
]);
