import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Since Claude Code 2.1.19, `$N` and `$ARGUMENTS[N]` are 0-based: `$0` is the first argument. Commands
// written for the old 1-based placeholders silently get the second argument (or nothing). Substitution
// is textual, so code blocks count too; `\$1` is the escape for literal text.
const FIRST = /(^|[^\\$\w])\$0(?!\d)|(^|[^\\])\$ARGUMENTS\[0\]/;
const SECOND = /(^|[^\\$\w])(\$1)(?!\d)|(^|[^\\])(\$ARGUMENTS\[1\])/g;

const rule: LintRule = {
  id: 'zero-based-arguments',
  description: 'Commands do not use $1 or $ARGUMENTS[1] as the first argument ($0 is the first since Claude Code 2.1.19).',
  tags: ['command', 'arguments'],
  defaultSeverity: 'error',
  docs: 'docs/rules/zero-based-arguments.md',
  check(doc, context) {
    if (doc.kind !== 'command' || !doc.text.includes('$')) return;
    const body = doc.lines.slice(doc.bodyStart);
    if (body.some((line) => FIRST.test(line))) return;
    body.forEach((line, offset) => {
      if (!line.includes('$')) return;
      SECOND.lastIndex = 0;
      for (let match = SECOND.exec(line); match !== null; match = SECOND.exec(line)) {
        const placeholder = match[2] ?? match[4];
        const column = match.index + (match[1] ?? match[3] ?? '').length + 1;
        const first = placeholder === '$1' ? '$0' : '$ARGUMENTS[0]';
        context.report({ line: doc.bodyStart + offset + 1, column, message: messages.secondArgument(placeholder, first) });
      }
    });
  },
};

export default rule;
