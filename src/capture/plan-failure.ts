import type { CapturePlan } from './plan-capture.js';

/** A failed call's input as one short line, for the discovery key. */
function compactInput(input: Record<string, unknown>): string {
  const text = JSON.stringify(input) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The exit status at the head of a failed Bash call's error (`Exit code 2\n<stderr>`); undefined if absent. */
export function exitCodeOf(error: string): number | undefined {
  const match = /^Exit code (\d+)\b/.exec(error);
  return match ? Number(match[1]) : undefined;
}

/**
 * What capture keeps of a failed tool call (PostToolUseFailure): for Bash a `command` discovery whose
 * text is Claude Code's error (exit status first, then the output), with the exit code in meta; for
 * other tools a `tool` discovery of the error. Agent calls are skipped: no report exists. Pure.
 */
export function planFailureCapture(toolName: string, toolInput: Record<string, unknown>, error: string, isInterrupt: boolean): CapturePlan {
  if (toolName === 'Agent' || toolName === 'Task') return { type: 'skip', reason: 'failed Agent call: no report' };
  const base = { failed: true, interrupted: isInterrupt };
  if (toolName === 'Bash') {
    const command = typeof toolInput.command === 'string' ? toolInput.command : '';
    const description = typeof toolInput.description === 'string' ? toolInput.description : undefined;
    return { type: 'discovery', kind: 'command', key: command, text: error, meta: { ...base, exitCode: isInterrupt ? null : exitCodeOf(error) ?? null, description } };
  }
  return { type: 'discovery', kind: 'tool', key: `${toolName} ${compactInput(toolInput)}`, text: error, meta: { ...base, tool: toolName } };
}
