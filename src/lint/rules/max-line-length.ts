import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// One very long line (a pasted log, a minified blob) can cost more than the rest of the file together.
const rule: LintRule = {
  id: 'max-line-length',
  description: 'No line is longer than budgets.lineLength characters (default 400).',
  tags: ['budget'],
  defaultSeverity: 'warn',
  docs: 'docs/rules/max-line-length.md',
  check(doc, context) {
    const max = context.budget.lineLength;
    doc.lines.forEach((line, index) => {
      if (line.length > max) context.report({ line: index + 1, column: max + 1, message: messages.lineTooLong(line.length, max) });
    });
  },
};

export default rule;
