import { captureToolUse } from '../../capture/capture-tool-use.js';
import { planFailureCapture } from '../../capture/plan-failure.js';
import { isExcludedPath } from '../../privacy/is-excluded-path.js';
import { releaseFailedAgentCall, touchSubagentLease } from '../../pool/pool-hooks.js';
import type { HookHandler } from './index.js';

/**
 * PostToolUseFailure: a tool call failed (for Bash, a non-zero exit: `error` is `Exit code N\n…`).
 * The failure is captured with its exit status at once, instead of only being found in the transcript
 * at Stop; a failed Agent call frees the pool slot it took. Adds nothing to the conversation.
 */
const postToolUseFailure: HookHandler<'PostToolUseFailure'> = async (event, deps) => {
  await releaseFailedAgentCall(event, deps);
  await touchSubagentLease(event, deps);
  const path = event.tool_input.file_path ?? event.tool_input.notebook_path ?? event.tool_input.path;
  if (typeof path === 'string' && isExcludedPath(path, deps.root, deps.config.privacy.exclude)) return undefined;
  const plan = planFailureCapture(event.tool_name, event.tool_input, event.error, event.is_interrupt === true);
  const outcome = await captureToolUse(
    { toolName: event.tool_name, toolInput: event.tool_input, toolResponse: event.error, toolUseId: event.tool_use_id, sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type },
    deps,
    { plan },
  );
  deps.debug(outcome.status === 'recorded' ? `failure of ${event.tool_name} recorded as ${outcome.kind} ${outcome.id}` : outcome.status === 'spooled' ? `failure of ${event.tool_name} spooled as ${outcome.kind}` : `failure of ${event.tool_name} skipped: ${outcome.reason}`);
  return undefined;
};

export default postToolUseFailure;
