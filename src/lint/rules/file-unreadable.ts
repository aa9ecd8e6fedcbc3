import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// A file lint cannot read (permissions, a broken symlink, a folder where a file was expected) is a
// finding, not a crash: the rest of the run goes on and the problem is still visible.
const rule: LintRule = {
  id: 'file-unreadable',
  description: 'Every file matched by the lint globs can be read.',
  tags: ['files'],
  defaultSeverity: 'error',
  docs: 'docs/rules/file-unreadable.md',
  handlesUnreadable: true,
  check(doc, context) {
    if (doc.unreadable !== undefined) context.report({ line: 1, message: messages.unreadable(doc.unreadable) });
  },
};

export default rule;
