import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// A context file is read whole when the model follows a pointer to it; a long one costs as much as the command it was split from.
const rule: LintRule = {
  id: 'context-max-lines',
  description: 'Context files under .claude/context/ stay within budgets.contextLines (default 200).',
  tags: ['budget', 'context'],
  defaultSeverity: 'error',
  docs: 'docs/rules/context-max-lines.md',
  check(doc, context) {
    const max = context.budget.maxLines;
    if (doc.kind !== 'context' || max === undefined || doc.lines.length <= max) return;
    context.report({ line: max + 1, message: messages.tooManyLines('a context file', doc.lines.length, max, 'split it at a heading into two context files, or raise budgets.contextLines.') });
  },
};

export default rule;
