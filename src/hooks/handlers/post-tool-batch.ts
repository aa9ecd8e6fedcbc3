import { captureToolUse } from '../../capture/capture-tool-use.js';
import type { HookHandler } from './index.js';

/**
 * PostToolBatch: a safety net for parallel calls whose PostToolUse hook was killed or skipped.
 * Calls already recorded are left alone; the rest are captured from the serialized result the
 * batch carries (the text the model saw, not the structured object).
 */
const postToolBatch: HookHandler<'PostToolBatch'> = async (event, deps) => {
  const calls = event.tool_calls.filter((call) => typeof call?.tool_use_id === 'string' && typeof call.tool_name === 'string' && call.tool_response !== undefined);
  if (calls.length === 0) return undefined;
  const store = await deps.store();
  const recorded = await store.recordedToolUses(calls.map((call) => call.tool_use_id));
  for (const call of calls) {
    if (recorded.has(call.tool_use_id)) continue;
    await captureToolUse(
      { toolName: call.tool_name, toolInput: call.tool_input, toolResponse: call.tool_response, toolUseId: call.tool_use_id, sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type },
      deps,
    );
  }
  return undefined;
};

export default postToolBatch;
