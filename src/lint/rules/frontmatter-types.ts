import { AGENT_KEYS, COMMAND_KEYS, TYPE_NAMES, describeValue, hasValueType } from '../../claude/frontmatter-keys.js';
import { messages } from '../messages.js';
import type { LintDocument, LintRule } from '../types.js';

// A value of the wrong type is a load error or silently ignored by Claude Code (`maxTurns: "five"`,
// `disable-model-invocation: "yes"`), so the setting the author meant never applies.
const rule: LintRule = {
  id: 'frontmatter-types',
  description: 'Known frontmatter keys of commands and agents hold values of the type Claude Code expects.',
  tags: ['frontmatter'],
  defaultSeverity: 'error',
  docs: 'docs/rules/frontmatter-types.md',
  check(doc, context) {
    if (doc.kind !== 'command' && doc.kind !== 'agent') return;
    const known = doc.kind === 'command' ? COMMAND_KEYS : AGENT_KEYS;
    for (const [key, value] of Object.entries(doc.frontmatter.data)) {
      const spec = Object.hasOwn(known, key) ? known[key] : undefined;
      if (!spec) continue;
      const line = findKeyLine(doc, key);
      if (!hasValueType(value, spec.type)) {
        context.report({ line, message: messages.wrongType(key, describeValue(value), TYPE_NAMES[spec.type]) });
      } else if (spec.values && typeof value === 'string' && !spec.values.includes(value)) {
        context.report({ line, message: messages.wrongValue(key, describeValue(value), spec.values) });
      }
    }
  },
};

/** 1-based line of `key:` in the frontmatter (the opening fence when not found). */
export function findKeyLine(doc: LintDocument, key: string): number {
  for (let i = 1; i < doc.bodyStart; i++) {
    const line = doc.lines[i];
    if (line.startsWith(key) && /^\s*:/.test(line.slice(key.length))) return i + 1;
    if (line.startsWith(`"${key}"`) || line.startsWith(`'${key}'`)) return i + 1;
  }
  return 1;
}

export default rule;
