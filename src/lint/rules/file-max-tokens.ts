import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Line counts miss dense files (long lines, tables, JSON); the token estimate is what the context window pays.
const rule: LintRule = {
  id: 'file-max-tokens',
  description: 'Each linted file stays within budgets.fileTokens estimated tokens (default 5000).',
  tags: ['budget'],
  defaultSeverity: 'warn',
  docs: 'docs/rules/file-max-tokens.md',
  check(doc, context) {
    const max = context.budget.maxTokens;
    // Cheap bound first: the estimate never exceeds one token per character.
    if (doc.text.length <= max) return;
    const tokens = estimateTokens(doc.text);
    if (tokens > max) context.report({ line: 1, message: messages.tooManyTokens(tokens, max) });
  },
};

export default rule;
