import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// A command's whole text enters the conversation each time it runs; past the budget, detail belongs in context files the model reads only when needed.
const rule: LintRule = {
  id: 'command-max-lines',
  description: 'Command files stay within budgets.commandLines (default 140).',
  tags: ['budget', 'command'],
  defaultSeverity: 'error',
  docs: 'docs/rules/command-max-lines.md',
  check(doc, context) {
    const max = context.budget.maxLines;
    if (doc.kind !== 'command' || max === undefined || doc.lines.length <= max) return;
    context.report({ line: max + 1, message: messages.tooManyLines('a command', doc.lines.length, max, 'move sections into context files read on demand (ctxkit generate splits at headings), or raise budgets.commandLines.') });
  },
};

export default rule;
