import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Claude Code reads files as UTF-8; other encodings (Latin-1, UTF-16, stray binary) reach the model as
// replacement characters. The rest of the file is still linted.
const rule: LintRule = {
  id: 'encoding',
  description: 'Files are valid UTF-8.',
  tags: ['files'],
  defaultSeverity: 'error',
  docs: 'docs/rules/encoding.md',
  check(doc, context) {
    const lines = doc.invalidUtf8Lines;
    if (lines && lines.length > 0) context.report({ line: lines[0], message: messages.invalidUtf8(lines) });
  },
};

export default rule;
