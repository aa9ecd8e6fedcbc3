import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Without a description the / menu shows the body's first paragraph, and Claude decides when to use
// the command from that; an explicit one is shorter and says when it applies.
const rule: LintRule = {
  id: 'command-description',
  description: "Commands have a non-empty 'description' in frontmatter.",
  tags: ['frontmatter', 'command'],
  defaultSeverity: 'warn',
  docs: 'docs/rules/command-description.md',
  check(doc, context) {
    if (doc.kind !== 'command' || doc.frontmatter.error) return;
    const description = doc.frontmatter.data.description;
    if (typeof description === 'string' && description.trim() !== '') return;
    if (description !== undefined && description !== null && typeof description !== 'string') return;
    context.report({ line: 1, message: messages.missingDescription() });
  },
};

export default rule;
