import { maxLinesRule } from '../max-lines-rule.js';

// A context file is read whole when the model follows a pointer to it; a long one costs as much as the command it was split from.
export default maxLinesRule({
  id: 'context-max-lines',
  description: 'Context files under .claude/context/ stay within budgets.contextLines (default 200).',
  kind: 'context',
  tags: ['budget', 'context'],
  defaultSeverity: 'error',
  what: 'a context file',
  advice: 'split it at a heading into two context files, or raise budgets.contextLines.',
});
