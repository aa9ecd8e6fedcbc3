import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Claude Code retries broken YAML with auto-quoting, then silently drops the whole frontmatter:
// description, allowed-tools and model are all lost. Only what still fails after that retry is reported.
const rule: LintRule = {
  id: 'frontmatter-yaml',
  description: 'Command and agent frontmatter is valid YAML (after the auto-quoting Claude Code retries with) and is closed.',
  tags: ['frontmatter'],
  defaultSeverity: 'error',
  docs: 'docs/rules/frontmatter-yaml.md',
  check(doc, context) {
    if (doc.kind !== 'command' && doc.kind !== 'agent') return;
    const { frontmatter } = doc;
    if (frontmatter.error) {
      context.report({ line: Math.min(frontmatter.error.line, Math.max(1, doc.bodyStart)), message: messages.yamlInvalid(frontmatter.error.message) });
      return;
    }
    if (!frontmatter.present && /^---[ \t]*$/.test(doc.lines[0] ?? '')) {
      context.report({ line: 1, message: messages.frontmatterUnclosed() });
    }
  },
};

export default rule;
