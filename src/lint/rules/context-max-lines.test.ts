import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './context-max-lines.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const run = (path: string, text: string, budgets = {}) =>
  lintText({ path, text, rules: [rule], budgets }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('context-max-lines', () => {
  it('accepts a file at the budget', () => {
    expect(run('.claude/context/deploy/a.md', lines(200))).toEqual([]);
  });

  it('reports a file over the budget with found and expected counts', () => {
    expect(run('.claude/context/deploy/a.md', lines(200 + 5))[0]).toMatch(/^201:1 Unexpected 205 lines, expected at most 200 in .*context file/);
  });

  it('uses the configured budget', () => {
    expect(run('.claude/context/deploy/a.md', lines(30), { contextLines: 20 })).toHaveLength(1);
  });

  it('ignores other kinds of files', () => {
    expect(run('.claude/commands/a.md', lines(200 + 100))).toEqual([]);
  });
});
