import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './max-line-length.js';

const run = (text: string, budgets = {}) =>
  lintText({ path: 'CLAUDE.md', text, rules: [rule], budgets }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('max-line-length', () => {
  it('accepts lines at the limit', () => {
    expect(run(`${'a'.repeat(400)}\n`)).toEqual([]);
  });

  it('reports each overlong line at the first column past the limit', () => {
    expect(run(`short\n${'a'.repeat(401)}\nshort\n${'b'.repeat(900)}\n`)).toEqual([
      '2:401 Unexpected line of 401 characters, expected at most 400: wrap it or move the long text into a file the model reads on demand.',
      '4:401 Unexpected line of 900 characters, expected at most 400: wrap it or move the long text into a file the model reads on demand.',
    ]);
  });

  it('uses budgets.lineLength', () => {
    expect(run('0123456789ab\n', { lineLength: 10 })[0]).toMatch(/^1:11 Unexpected line of 12 characters, expected at most 10/);
  });
});
