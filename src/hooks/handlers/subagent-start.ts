import { attachSubagentLease } from '../../pool/pool-hooks.js';
import type { HookHandler } from './index.js';

/**
 * SubagentStart: registers the subagent and pairs it with its Agent call (and so its task).
 * Injection into the subagent plugs in here: the returned `additionalContext` reaches the subagent
 * (not the parent); the task is `(await store.agentStarted(...)).task`.
 */
const subagentStart: HookHandler<'SubagentStart'> = async (event, deps) => {
  const store = await deps.store();
  await attachSubagentLease(event, deps);
  const agent = await store.agentStarted({ sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type, at: deps.now() });
  deps.debug(`subagent ${agent.id} (${agent.agentType ?? '?'}) task: ${agent.task ? agent.task.slice(0, 80) : 'unknown'}`);
  return undefined;
};

export default subagentStart;
