import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './claude-md-max-lines.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const run = (path: string, text: string, budgets = {}) =>
  lintText({ path, text, rules: [rule], budgets }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('claude-md-max-lines', () => {
  it('accepts a file at the budget', () => {
    expect(run('packages/web/CLAUDE.md', lines(200))).toEqual([]);
  });

  it('reports a file over the budget with found and expected counts', () => {
    expect(run('packages/web/CLAUDE.md', lines(200 + 5))[0]).toMatch(/^201:1 Unexpected 205 lines, expected at most 200 in .*CLAUDE.md/);
  });

  it('uses the configured budget', () => {
    expect(run('packages/web/CLAUDE.md', lines(30), { claudeMdLines: 20 })).toHaveLength(1);
  });

  it('ignores other kinds of files', () => {
    expect(run('README.md', lines(200 + 100))).toEqual([]);
  });
});
