import { maxLinesRule } from '../max-lines-rule.js';

// CLAUDE.md is loaded into every session; each line costs context in every conversation.
export default maxLinesRule({
  id: 'claude-md-max-lines',
  description: 'CLAUDE.md files stay within budgets.claudeMdLines (default 200).',
  kind: 'claude-md',
  tags: ['budget', 'claude-md'],
  defaultSeverity: 'warn',
  what: 'CLAUDE.md',
  advice: 'move detail into files the model reads on demand and point to them, or raise budgets.claudeMdLines.',
});
