import { maxLinesRule } from '../max-lines-rule.js';

// A command's whole text enters the conversation each time it runs; past the budget, detail belongs in context files the model reads only when needed.
export default maxLinesRule({
  id: 'command-max-lines',
  description: 'Command files stay within budgets.commandLines (default 140).',
  kind: 'command',
  tags: ['budget', 'command'],
  defaultSeverity: 'error',
  what: 'a command',
  advice: 'move sections into context files read on demand (ctxkit generate splits at headings), or raise budgets.commandLines.',
});
