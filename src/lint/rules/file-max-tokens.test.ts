import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './file-max-tokens.js';

const run = (path: string, text: string, budgets = {}) =>
  lintText({ path, text, rules: [rule], budgets }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('file-max-tokens', () => {
  it('accepts a file under the token budget', () => {
    expect(run('.claude/commands/a.md', 'A short command body.\n')).toEqual([]);
  });

  it('reports the estimated tokens and the budget', () => {
    const text = 'word '.repeat(6000);
    const [found] = run('.claude/context/a.md', text);
    expect(found).toMatch(/^1:1 Unexpected about \d+ tokens \(estimated\), expected at most 5000/);
  });

  it('honours per-glob maxTokens overrides', () => {
    const text = 'word '.repeat(300);
    expect(run('.claude/commands/a.md', text, { fileTokens: 100 })).toHaveLength(1);
    expect(run('.claude/commands/a.md', text, { fileTokens: 100, overrides: [{ glob: '**/a.md', maxTokens: 1000 }] })).toEqual([]);
  });
});
