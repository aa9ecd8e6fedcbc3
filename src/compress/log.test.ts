import { describe, expect, it } from 'vitest';
import { reduceLog } from './log.js';

const lines = (...parts: string[]) => parts.join('\n');

describe('reduceLog', () => {
  it.each([
    {
      name: 'strips ANSI codes and keeps the final state of a \\r progress bar',
      input: lines('\x1b[32mok\x1b[0m build', 'Downloading 10%\rDownloading 55%\rDownloading 100%', 'done'),
      expected: lines('ok build', 'Downloading 100%', 'done'),
    },
    {
      name: 'collapses lines of one template to [×N] first … last',
      input: lines('start', ...Array.from({ length: 30 }, (_, i) => `fetched item ${100 + i} in ${i}ms`), ...Array(9).fill('x'), 'end'),
      expected: lines(
        'start',
        'fetched item 100 in 0ms',
        '[×29] fetched item 101 in 1ms … fetched item 129 in 29ms',
        '[×2] x',
        ...Array(7).fill('x'),
        'end',
      ),
    },
  ])('$name', ({ input, expected }) => {
    expect(reduceLog(input).text).toBe(expected);
  });

  it('keeps the first failure, one example per error template with its count, and the tail under a budget', () => {
    const input = lines(
      '$ npm test',
      ...Array.from({ length: 300 }, (_, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z INFO handled request ${4000 + i}`),
      'ERROR connect ECONNREFUSED 10.0.0.7:5432',
      '    at connect (src/db/pool.ts:42:7)',
      ...Array.from({ length: 100 }, (_, i) => `DEBUG tick ${i}`),
      'ERROR connect ECONNREFUSED 10.0.0.9:5432',
      'WARN disk at 91%',
      ...Array.from({ length: 100 }, (_, i) => `DEBUG tock ${i}`),
      'ERROR connect ECONNREFUSED 10.0.0.11:5432',
      'Tests: 3 failed, 97 passed',
    );
    const result = reduceLog(input, { budgetTokens: 150 });
    expect(result.tokensAfter).toBeLessThanOrEqual(150);
    expect(result.text).toContain('ERROR connect ECONNREFUSED 10.0.0.7:5432');
    expect(result.text).toContain('    at connect (src/db/pool.ts:42:7)');
    expect(result.text).toContain('ERROR connect ECONNREFUSED 10.0.0.9:5432');
    expect(result.text).toContain('ERROR connect ECONNREFUSED 10.0.0.11:5432');
    expect(result.text).toContain('Tests: 3 failed, 97 passed');
    expect(result.text).toContain('WARN disk at 91%');
    expect(result.omitted).toMatch(/lines dropped for the budget/);
  });

  it('keeps one verbatim example of a repeated error template with the count of the others', () => {
    const input = lines(
      'boot',
      ...Array.from({ length: 40 }, (_, i) => `INFO step ${i}`),
      ...Array.from({ length: 5 }, (_, i) => `ERROR job ${i} failed with code ${i + 10}`),
      ...Array.from({ length: 40 }, (_, i) => `INFO later ${i}`),
    );
    const result = reduceLog(input, { budgetTokens: 80 });
    expect(result.text).toContain('[×4] ERROR job 1 failed with code 11 … ERROR job 4 failed with code 14');
    expect(result.text).toContain('ERROR job 0 failed with code 10');
  });

  it('cuts a very long line at a word boundary and says how much was cut', () => {
    const long = `prefix ${'word '.repeat(200)}tail`;
    const text = reduceLog(long).text;
    expect(text.length).toBeLessThan(450);
    expect(text).toMatch(/^prefix word word .* … \d+ chars$/);
  });

  it('reports token counts before and after', () => {
    const result = reduceLog(Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'));
    expect(result.kind).toBe('log');
    expect(result.tokensAfter).toBeLessThan(result.tokensBefore);
  });
});
