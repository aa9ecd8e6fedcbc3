import { sanitizeText } from '../../privacy/sanitize-text.js';
import type { HookHandler } from './index.js';

const AGENT_TOOLS = new Set(['Agent', 'Task']);

/**
 * PreToolUse (installed for Agent|Task): remembers the task prompt and subagent type, so the
 * subagent's report can later be filed under its task. The pool's lease decision plugs in here
 * (return `permissionDecision: "deny"` with a reason; never `allow` on the user's behalf).
 */
const preToolUse: HookHandler<'PreToolUse'> = async (event, deps) => {
  if (!AGENT_TOOLS.has(event.tool_name)) return undefined;
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
