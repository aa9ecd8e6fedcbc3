import { describe, expect, it } from 'vitest';
import { reduceGrep } from './grep.js';

describe('reduceGrep', () => {
  it.each([
    {
      name: 'groups by file and collapses repeated lines with their line numbers',
      input: ['src/a.ts:3:import { x } from "./x.js";', 'src/a.ts:40:  x();', 'src/a.ts:77:  x();', 'src/b.ts:9:export const x = 1;'].join('\n'),
      expected: ['src/a.ts (3)', '  3: import { x } from "./x.js";', '  40,77: x();', 'src/b.ts (1)', '  9: export const x = 1;'].join('\n'),
    },
    {
      name: 'keeps context lines with their file and notes first',
      input: ['Found 1 file', 'src/a.ts-2-// before', 'src/a.ts:3:match', 'src/a.ts-4-after', '--'].join('\n'),
      expected: ['Found 1 file', 'src/a.ts-2-// before', 'src/a.ts (2)', '  3: match', '  4: after'].join('\n'),
    },
  ])('$name', ({ input, expected }) => {
    expect(reduceGrep(input).text).toBe(expected);
  });

  it('keeps every file name under a tight budget and prefers lines matching the query', () => {
    const input = Array.from({ length: 40 }, (_, f) =>
      Array.from({ length: 20 }, (_, l) => `pkg/mod${f}/file.go:${l + 1}:\tvalue := compute(${l}) ${f === 7 && l === 15 ? '// retryBackoff here' : ''}`).join('\n'),
    ).join('\n');
    const result = reduceGrep(input, { budgetTokens: 600, query: 'retryBackoff' });
    for (let f = 0; f < 40; f++) expect(result.text).toContain(`pkg/mod${f}/file.go (20)`);
    expect(result.text).toContain('16: value := compute(15) // retryBackoff here');
    expect(result.tokensAfter).toBeLessThanOrEqual(600);
  });
});
