import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import { findRule, rules } from './index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

// Where a rule's "Passes" example is linted, so the example is checked against the kind it is about.
function examplePath(id: string): string {
  if (id.startsWith('agent-')) return '.claude/agents/example.md';
  if (id.startsWith('context-max')) return '.claude/context/example.md';
  if (id.startsWith('claude-md')) return 'CLAUDE.md';
  return '.claude/commands/example.md';
}

describe('rule registry', () => {
  it('has unique kebab-case ids matching the rule files', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(existsSync(`${root}src/lint/rules/${rule.id}.ts`)).toBe(true);
      expect(findRule(rule.id)).toBe(rule);
    }
  });

  it('gives every rule a description, tags, a default severity, a test and a docs page', () => {
    for (const rule of rules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.tags.length, rule.id).toBeGreaterThan(0);
      expect(['error', 'warn']).toContain(rule.defaultSeverity);
      expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
      expect(existsSync(`${root}src/lint/rules/${rule.id}.test.ts`), `${rule.id} test`).toBe(true);
      const page = read(rule.docs);
      expect(page.startsWith(`# ${rule.id}\n`), `${rule.id} docs title`).toBe(true);
      expect(page).toContain(`Default severity: \`${rule.defaultSeverity}\`.`);
    }
  });

  it('keeps each docs page honest: its passing example passes', () => {
    for (const rule of rules) {
      const example = /## Passes\n\n```markdown\n([\s\S]*?)\n```/.exec(read(rule.docs));
      if (!example) continue;
      const findings = lintText({ path: examplePath(rule.id), text: `${example[1]}\n`, rules: [rule], exists: () => true });
      expect(findings, rule.id).toEqual([]);
    }
  });

  it('lists every rule with its default severity in docs/lint.md', () => {
    const guide = read('docs/lint.md');
    for (const rule of rules) expect(guide, rule.id).toContain(`| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.defaultSeverity} |`);
  });
});
