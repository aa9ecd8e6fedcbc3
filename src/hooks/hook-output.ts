import type { HookEventName } from './hook-events.js';

/** The JSON object a handler returns (claude-code.md §3.3); run-hook prints it. */
export interface HookOutput {
  continue?: boolean;
  stopReason?: string;
  suppressOutput?: boolean;
  systemMessage?: string;
  decision?: 'block' | 'approve';
  reason?: string;
  hookSpecificOutput?: { hookEventName?: string; additionalContext?: string; [key: string]: unknown };
}

/** A deliberate block through exit code 2: stdout stays empty and `stderr` is the feedback. */
export interface HookBlock {
  block: true;
  stderr: string;
}

export type HookResult = HookOutput | HookBlock;

/** What the process does: print `stdout` (at most one JSON object), `stderr`, exit with `exitCode`. */
export interface HookProcessResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

/** Claude Code collapses a context value over 10,000 characters into a 2 KB preview; stay well under. */
export const MAX_CONTEXT_CHARS = 9000;

const TRUNCATION_NOTE = '\n… [truncated by ctxkit]';

/** Cuts `text` to `max` characters at a line break where possible, saying that it was cut. */
export function clampContext(text: string, max = MAX_CONTEXT_CHARS): string {
  if (text.length <= max) return text;
  const room = max - TRUNCATION_NOTE.length;
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > room / 2 ? cut : room)}${TRUNCATION_NOTE}`;
}

export function isHookBlock(result: unknown): result is HookBlock {
  return typeof result === 'object' && result !== null && (result as HookBlock).block === true;
}

/**
 * The one place that turns a handler's result into process output: `hookEventName` is forced to the
 * firing event, every context value is clamped, and a block prints nothing on stdout.
 */
export function finalizeOutput(event: HookEventName, result: HookResult | undefined): HookProcessResult {
  if (result === undefined) return { stdout: '', stderr: '', exitCode: 0 };
  if (isHookBlock(result)) return { stdout: '', stderr: result.stderr, exitCode: 2 };
  const output: HookOutput = { ...result };
  if (output.systemMessage !== undefined) output.systemMessage = clampContext(output.systemMessage);
  if (output.reason !== undefined) output.reason = clampContext(output.reason);
  if (output.hookSpecificOutput) {
    const specific = { ...output.hookSpecificOutput, hookEventName: event };
    if (typeof specific.additionalContext === 'string') {
      if (specific.additionalContext.length === 0) delete specific.additionalContext;
      else specific.additionalContext = clampContext(specific.additionalContext);
    }
    output.hookSpecificOutput = specific;
    if (Object.keys(specific).length === 1 && Object.keys(output).length === 1) return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (Object.keys(output).length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  return { stdout: `${JSON.stringify(output)}\n`, stderr: '', exitCode: 0 };
}
