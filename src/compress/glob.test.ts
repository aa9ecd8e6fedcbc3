import { describe, expect, it } from 'vitest';
import { reduceGlob } from './glob.js';

describe('reduceGlob', () => {
  it.each([
    {
      name: 'groups by folder and prints the shared folder once',
      input: ['/repo/src/lib/a.ts', '/repo/src/lib/b.ts', '/repo/src/lib/c.ts', '/repo/src/cli/main.ts', '/repo/src/cli/run.ts', '/repo/test/x.test.ts'].join('\n'),
      expected: ['/repo/ (6 files in 3 folders)', 'src/lib/ (3): a.ts, b.ts, c.ts', 'src/cli/ (2): main.ts, run.ts', 'test/x.test.ts'].join('\n'),
    },
    {
      name: 'keeps note lines first and names files in the shared folder ./',
      input: [...['README.md', 'CHANGELOG.md', 'LICENSE.md', 'docs/c.md', 'docs/d.md'].map((p) => `/home/dev/app/${p}`), '(Results are truncated.)'].join('\n'),
      expected: ['(Results are truncated.)', '/home/dev/app/ (5 files in 2 folders)', './ (3): README.md, CHANGELOG.md, LICENSE.md', 'docs/ (2): c.md, d.md'].join('\n'),
    },
    { name: 'leaves a single path alone', input: 'src/one.ts', expected: 'src/one.ts' },
  ])('$name', ({ input, expected }) => {
    expect(reduceGlob(input).text).toBe(expected);
  });

  it('never drops a file name, whatever the budget', () => {
    const paths = Array.from({ length: 300 }, (_, i) => `/repo/src/m${i % 7}/file${i}.ts`);
    const result = reduceGlob(paths.join('\n'), { budgetTokens: 10 });
    for (const path of paths) expect(result.text).toContain(path.split('/').at(-1));
    expect(result.tokensAfter).toBeLessThan(result.tokensBefore);
  });
});
