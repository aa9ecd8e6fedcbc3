import { maxLinesRule } from '../max-lines-rule.js';

// A subagent's body is its system prompt, sent on every turn of the subagent; a long one crowds out the task.
export default maxLinesRule({
  id: 'agent-max-lines',
  description: 'Agent files stay within budgets.agentLines (default 200).',
  kind: 'agent',
  tags: ['budget', 'agent'],
  defaultSeverity: 'error',
  what: 'an agent file',
  advice: 'move reference material into context files the agent reads on demand, or raise budgets.agentLines.',
});
