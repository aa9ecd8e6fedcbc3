import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// CLAUDE.md is loaded into every session; each line costs context in every conversation.
const rule: LintRule = {
  id: 'claude-md-max-lines',
  description: 'CLAUDE.md files stay within budgets.claudeMdLines (default 200).',
  tags: ['budget', 'claude-md'],
  defaultSeverity: 'warn',
  docs: 'docs/rules/claude-md-max-lines.md',
  check(doc, context) {
    const max = context.budget.maxLines;
    if (doc.kind !== 'claude-md' || max === undefined || doc.lines.length <= max) return;
    context.report({ line: max + 1, message: messages.tooManyLines('CLAUDE.md', doc.lines.length, max, 'move detail into files the model reads on demand and point to them, or raise budgets.claudeMdLines.') });
  },
};

export default rule;
