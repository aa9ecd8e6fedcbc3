import { describe, expect, it } from 'vitest';
import { createDocument } from './create-document.js';
import { lintDocument } from './lint-document.js';
import { lintText } from './lint-text.js';
import type { LintRule } from './types.js';

const budget = { maxLines: 140, maxTokens: 5000, lineLength: 400 };

describe('lintDocument', () => {
  it('applies configured severities and turns rules off', () => {
    const text = `${'x'.repeat(401)}\n`;
    expect(lintText({ path: 'CLAUDE.md', text }).map((f) => f.severity)).toEqual(['warn']);
    expect(lintText({ path: 'CLAUDE.md', text, severities: { 'max-line-length': 'error' } }).map((f) => f.severity)).toEqual(['error']);
    expect(lintText({ path: 'CLAUDE.md', text, severities: { 'max-line-length': 'off' } })).toEqual([]);
  });

  it('turns a crashing rule into a finding instead of stopping', () => {
    const broken: LintRule = {
      id: 'broken',
      description: 'd',
      tags: [],
      defaultSeverity: 'warn',
      docs: 'docs/rules/broken.md',
      check() {
        throw new Error('boom');
      },
    };
    const findings = lintDocument(createDocument({ path: 'CLAUDE.md', text: 'a\n' }), { rules: [broken], budget, exists: () => false });
    expect(findings).toEqual([
      { file: 'CLAUDE.md', line: 1, column: 1, ruleId: 'broken', severity: 'error', message: expect.stringContaining('boom') },
    ]);
  });

  it('sorts findings by position', () => {
    const text = `---\ndescription: x\nbogus: 1\n---\n${'y'.repeat(401)}\nRun $1\n`;
    const findings = lintText({ path: '.claude/commands/a.md', text });
    expect(findings.map((f) => `${f.line}:${f.ruleId}`)).toEqual(['3:frontmatter-unknown-key', '5:max-line-length', '6:zero-based-arguments']);
  });
});
