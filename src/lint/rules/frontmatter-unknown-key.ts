import { AGENT_KEYS, COMMAND_KEYS } from '../../claude/frontmatter-keys.js';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';
import { findKeyLine } from './frontmatter-types.js';

// Claude Code ignores keys it does not know, so a typo (`allowed_tools`, `desciption`) silently
// drops the setting. A warning, because new Claude Code versions add keys.
const rule: LintRule = {
  id: 'frontmatter-unknown-key',
  description: 'Command and agent frontmatter uses only keys Claude Code reads (per kind).',
  tags: ['frontmatter'],
  defaultSeverity: 'warn',
  docs: 'docs/rules/frontmatter-unknown-key.md',
  check(doc, context) {
    if (doc.kind !== 'command' && doc.kind !== 'agent') return;
    const known = Object.keys(doc.kind === 'command' ? COMMAND_KEYS : AGENT_KEYS);
    for (const key of Object.keys(doc.frontmatter.data)) {
      if (known.includes(key)) continue;
      context.report({ line: findKeyLine(doc, key), message: messages.unknownKey(key, doc.kind, closestKey(key, known)) });
    }
  },
};

/** The known key a typo most likely meant: same letters ignoring case and separators, or one or two edits away. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[-_]/g, '');
  const exact = known.find((candidate) => squash(candidate) === squash(key));
  if (exact) return exact;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(squash(key), squash(candidate));
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export default rule;
