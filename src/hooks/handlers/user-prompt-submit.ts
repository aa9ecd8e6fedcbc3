import { injectForPrompt } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * UserPromptSubmit: counts the prompt on its session, then injects what earlier sessions found that
 * bears on it (nothing when nothing is relevant enough, nothing the conversation already got).
 */
const userPromptSubmit: HookHandler<'UserPromptSubmit'> = async (event, deps) => {
  const additionalContext = await injectForPrompt(event, deps);
  return additionalContext ? { hookSpecificOutput: { hookEventName: 'UserPromptSubmit', additionalContext } } : undefined;
};

export default userPromptSubmit;
