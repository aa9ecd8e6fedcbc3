import { attachSubagentLease } from '../../pool/pool-hooks.js';
import { injectForSubagent } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * SubagentStart: registers the subagent and pairs it with its Agent call (and so its task).
 * Then injects what the pool holds for that task, under `inject.subagents.<agent_type>.budgetTokens`
 * (default `inject.budgetTokens`): SubagentStart's `additionalContext` reaches the subagent, not the parent.
 */
const subagentStart: HookHandler<'SubagentStart'> = async (event, deps) => {
  const store = await deps.store();
  await attachSubagentLease(event, deps);
  const agent = await store.agentStarted({ sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type, at: deps.now() });
  deps.debug(`subagent ${agent.id} (${agent.agentType ?? '?'}) task: ${agent.task ? agent.task.slice(0, 80) : 'unknown'}`);
  // What the pool holds for its task; SubagentStart's context reaches the subagent, not the parent.
  const additionalContext = await injectForSubagent(event, agent, deps);
  return additionalContext ? { hookSpecificOutput: { hookEventName: 'SubagentStart', additionalContext } } : undefined;
};

export default subagentStart;
