import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// A subagent's body is its system prompt, sent on every turn of the subagent; a long one crowds out the task.
const rule: LintRule = {
  id: 'agent-max-lines',
  description: 'Agent files stay within budgets.agentLines (default 200).',
  tags: ['budget', 'agent'],
  defaultSeverity: 'error',
  docs: 'docs/rules/agent-max-lines.md',
  check(doc, context) {
    const max = context.budget.maxLines;
    if (doc.kind !== 'agent' || max === undefined || doc.lines.length <= max) return;
    context.report({ line: max + 1, message: messages.tooManyLines('an agent file', doc.lines.length, max, 'move reference material into context files the agent reads on demand, or raise budgets.agentLines.') });
  },
};

export default rule;
