import { AGENT_NAME } from '../../claude/frontmatter-keys.js';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';
import { findKeyLine } from './frontmatter-types.js';

// Claude Code identifies a subagent by its `name` (hooks see it as agent_type) and delegates by its
// `description`; a file missing either is not loaded as a subagent.
const rule: LintRule = {
  id: 'agent-required-fields',
  description: "Agents have 'name' (lowercase letters, digits, hyphens) and 'description' in frontmatter.",
  tags: ['frontmatter', 'agent'],
  defaultSeverity: 'error',
  docs: 'docs/rules/agent-required-fields.md',
  check(doc, context) {
    if (doc.kind !== 'agent' || doc.frontmatter.error) return;
    const { data } = doc.frontmatter;
    for (const key of ['name', 'description']) {
      const value = data[key];
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        context.report({ line: 1, message: messages.agentFieldMissing(key) });
      }
    }
    if (typeof data.name === 'string' && data.name.trim() !== '' && !AGENT_NAME.test(data.name)) {
      context.report({ line: findKeyLine(doc, 'name'), message: messages.agentNameInvalid(data.name) });
    }
  },
};

export default rule;
