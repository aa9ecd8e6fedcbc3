import { captureToolUse } from '../../capture/capture-tool-use.js';
import type { HookDeps } from '../hook-deps.js';
import type { PostToolUseEvent } from '../hook-events.js';
import { decideReplacement } from '../post-tool-use/deciders.js';
import { inflightDecider } from '../post-tool-use/inflight-decider.js';
import type { HookHandler } from './index.js';

/** A persisted output larger than this is neither captured whole nor reduced. */
const MAX_PERSISTED_BYTES = 64 * 1024 * 1024;

/**
 * The whole text of a Bash output Claude Code persisted to `tool-results/` (its `stdout` in the
 * event is cut at 30,000 characters); undefined when there is none or it cannot be read.
 */
function readPersistedOutput(event: PostToolUseEvent, deps: HookDeps): string | undefined {
  const response = event.tool_response as { persistedOutputPath?: unknown } | null;
  if (event.tool_name !== 'Bash' || typeof response !== 'object' || response === null) return undefined;
  const path = response.persistedOutputPath;
  // Only Claude Code's own tool-results files: a payload cannot make ctxkit store an arbitrary file.
  if (typeof path !== 'string' || !/[/\\]tool-results[/\\][^/\\]+$/.test(path)) return undefined;
  return deps.readFile(path, MAX_PERSISTED_BYTES)?.toString('utf8');
}

/**
 * PostToolUse: capture first (the tool's result becomes a discovery, its original kept for
 * `ctxkit show`), then at most one replacement of what the model sees, from the ordered deciders
 * in ../post-tool-use/deciders.ts (rediscovery guard, in-flight compression). Synchronous for
 * Claude Code: the replacement has to be ready before the model's next turn.
 */
const postToolUse: HookHandler<'PostToolUse'> = async (event, deps) => {
  const persistedOutput = readPersistedOutput(event, deps);
  const toolResponse = persistedOutput === undefined ? event.tool_response : { ...(event.tool_response as object), stdout: persistedOutput };
  const captured = await captureToolUse(
    {
      toolName: event.tool_name,
      toolInput: event.tool_input,
      toolResponse,
      toolUseId: event.tool_use_id,
      sessionId: event.session_id,
      agentId: event.agent_id,
      agentType: event.agent_type,
    },
    deps,
    // A call in-flight compression may replace needs its stored id; any other goes to the spool, and the store stays closed.
    { spool: !inflightDecider.isCandidate(event, deps) },
  );
  // What was kept, not the capture itself: that holds the whole output, and this line is built even when debug is off.
  deps.debug(
    `captured ${event.tool_name} ${event.tool_use_id}: ${
      captured.status === 'skipped' ? `skipped (${captured.reason})` : `${captured.status} ${captured.kind} ${captured.key}, ${captured.rawTokens} -> ${captured.summaryTokens} tokens`
    }`,
  );
  return decideReplacement({ event, captured, persistedOutput }, deps);
};

export default postToolUse;
