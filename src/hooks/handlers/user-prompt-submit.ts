import type { HookHandler } from './index.js';

/**
 * UserPromptSubmit: counts the prompt on its session. Injection for the prompt plugs in here
 * (query = `event.prompt`; return `{hookSpecificOutput: {additionalContext}}`, clamped centrally).
 */
const userPromptSubmit: HookHandler<'UserPromptSubmit'> = async (event, deps) => {
  const store = await deps.store();
  await store.promptSubmitted({ sessionId: event.session_id, at: deps.now() });
  return undefined;
};

export default userPromptSubmit;
