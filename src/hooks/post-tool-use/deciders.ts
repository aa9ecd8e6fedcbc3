/**
 * PostToolUse replacement deciders: after capture, each decider in order may replace what the model
 * sees of the tool call. The first replacement (`updatedToolOutput` / `updatedMCPToolOutput`) wins,
 * so a call is replaced at most once; notes (`additionalContext` only) are kept and the next decider
 * still runs. `isCandidate` is synchronous and cheap (no store, no reducer import): a call no
 * decider wants leaves at once.
 */
import type { CaptureOutcome } from '../../capture/capture-tool-use.js';
import type { HookDeps } from '../hook-deps.js';
import type { PostToolUseEvent } from '../hook-events.js';
import type { HookOutput } from '../hook-output.js';
import { guardDecider } from '../../synthesis/guard-tool-output.js';
import { inflightDecider } from './inflight-decider.js';

/** One tool call as the deciders see it. */
export interface PostToolUseCall {
  event: PostToolUseEvent;
  /** What capture stored: its id is what `ctxkit show <id>` takes. */
  captured: CaptureOutcome;
  /**
   * The whole output of a Bash call Claude Code persisted to a file (`persistedOutputPath`): the
   * event's `stdout` then holds only its first 30,000 characters, and the model a 2 KB preview.
   */
  persistedOutput?: string;
}

export interface ReplacementDecider {
  /** Shown in the debug log. */
  name: string;
  /** May this decider act on the call at all? Synchronous and cheap. */
  isCandidate: (event: PostToolUseEvent, deps: HookDeps) => boolean;
  /** The output for Claude Code, or undefined to leave the call to the next decider. */
  decide: (call: PostToolUseCall, deps: HookDeps) => Promise<HookOutput | undefined>;
}

/**
 * The deciders, in the order they get a say. The rediscovery guard (src/synthesis) goes before
 * in-flight compression: for Read/Grep/Glob output another session already summarized, the
 * stored summary beats a fresh reduction.
 */
export const replacementDeciders: readonly ReplacementDecider[] = [guardDecider, inflightDecider];

const isReplacement = (output: HookOutput): boolean => {
  const specific = output.hookSpecificOutput ?? {};
  return specific.updatedToolOutput !== undefined || specific.updatedMCPToolOutput !== undefined;
};

/**
 * Runs the deciders in order and composes their outputs: at most one replacement, every note
 * (`additionalContext`) joined. A decider that throws is logged and skipped, so one broken
 * decider never costs the others (or capture) anything.
 */
export async function decideReplacement(call: PostToolUseCall, deps: HookDeps, deciders: readonly ReplacementDecider[] = replacementDeciders): Promise<HookOutput | undefined> {
  const notes: string[] = [];
  for (const decider of deciders) {
    if (!decider.isCandidate(call.event, deps)) continue;
    let output: HookOutput | undefined;
    try {
      output = await decider.decide(call, deps);
    } catch (error) {
      deps.debug(`${decider.name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      continue;
    }
    if (!output) continue;
    const note = output.hookSpecificOutput?.additionalContext;
    if (isReplacement(output)) {
      const joined = [...notes, ...(typeof note === 'string' && note !== '' ? [note] : [])].join('\n');
      return { ...output, hookSpecificOutput: { ...output.hookSpecificOutput, hookEventName: 'PostToolUse', ...(joined ? { additionalContext: joined } : {}) } };
    }
    if (typeof note === 'string' && note !== '') notes.push(note);
  }
  return notes.length > 0 ? { hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: notes.join('\n') } } : undefined;
}
