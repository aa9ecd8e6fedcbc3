import { captureToolUse } from '../../capture/capture-tool-use.js';
import type { HookHandler } from './index.js';

/**
 * PostToolUse: captures the tool's result as a discovery. In-flight compression and the guard plug
 * in after capture: they get the same event plus `captured` (with the discovery id for
 * `ctxkit show <id>`) and may return `{hookSpecificOutput: {updatedToolOutput}}` (one replacement
 * per call; keep every field of `event.tool_response`, change only the text fields).
 */
const postToolUse: HookHandler<'PostToolUse'> = async (event, deps) => {
  const captured = await captureToolUse(
    {
      toolName: event.tool_name,
      toolInput: event.tool_input,
      toolResponse: event.tool_response,
      toolUseId: event.tool_use_id,
      sessionId: event.session_id,
      agentId: event.agent_id,
      agentType: event.agent_type,
    },
    deps,
  );
  deps.debug(`captured ${event.tool_name} ${event.tool_use_id}: ${JSON.stringify(captured)}`);
  return undefined;
};

export default postToolUse;
