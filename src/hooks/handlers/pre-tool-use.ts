import { admitAgentCall } from '../../pool/pool-hooks.js';
import { sanitizeText } from '../../privacy/sanitize-text.js';
import type { HookHandler } from './index.js';

const AGENT_TOOLS = new Set(['Agent', 'Task']);

/**
 * PreToolUse (installed for Agent|Task): the subagent pool takes a lease for the subagent or denies
 * the call with a reason the model can act on (never `allow` on the user's behalf). An admitted call's
 * task prompt and subagent type are remembered, so the subagent's report can later be filed under
 * its task; a denied call's are not (no subagent will claim them).
 */
const preToolUse: HookHandler<'PreToolUse'> = async (event, deps) => {
  if (!AGENT_TOOLS.has(event.tool_name)) return undefined;
  const denial = await admitAgentCall(event, deps);
  if (denial) return denial;
  const input = event.tool_input;
  const prompt = typeof input.prompt === 'string' ? input.prompt : '';
  const store = await deps.store();
  await store.agentTaskQueued({
    sessionId: event.session_id,
    toolUseId: event.tool_use_id,
    prompt: sanitizeText(prompt),
    description: typeof input.description === 'string' ? sanitizeText(input.description) : undefined,
    subagentType: typeof input.subagent_type === 'string' ? input.subagent_type : undefined,
    at: deps.now(),
  });
  return undefined;
};

export default preToolUse;
