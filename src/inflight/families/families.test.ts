// Table tests of the family reducers on real outputs (captured from the fixture projects) and on synthetic
// outputs of tools not installed here; the facts each must keep are labelled in must-keep.json / below,
// independently of the reducers' own rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { detectFamily } from '../detect-family.js';
import { isFaithful } from '../is-faithful.js';
import { budgetFor } from '../plan-inflight.js';
import { reduceOutput } from '../reduce-output.js';
import { parseDiagnostics } from './lint.js';
import { reduceListing } from './listing.js';
import { reduceTest } from './test.js';

const OUTPUTS = new URL('../../../tests/fixtures/inflight/outputs/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, OUTPUTS), 'utf8');
const synthetic = JSON.parse(read('synthetic/must-keep.json')) as Record<string, { command: string; family: string; facts: string[] }>;

const REAL: Array<{ file: string; command: string; family: string; facts: string[]; gone?: string[] }> = [
  { file: 'node-test.txt', command: 'node --test', family: 'test', facts: ['not ok 3 - rounds half to even', 'not ok 4 - parses negative exponent', 'not ok 5 - rejects empty input', "code: 'ERR_ASSERTION'", '-0.001 !== -0.01', "Missing expected exception.", 'math.test.js:18:1', '# pass 70', '# fail 3'], gone: ['ok 7 - adds 6 and 7'] },
  { file: 'vitest.txt', command: 'npx vitest run', family: 'test', facts: ['× rounds half to even', 'FAIL  math.test.js > parses negative exponent', 'expected -0.001 to be -0.01', 'math.test.js:26:33', 'Tests  3 failed | 70 passed (73)'], gone: ['adds 6 and 7'] },
  { file: 'cargo-test.txt', command: 'cargo test', family: 'test', facts: ['tests::fee_rounds_up', 'tests::balance_of_refund_is_negative', 'refund balance was -5', 'src/lib.rs:37:9', 'test result: FAILED. 40 passed; 2 failed', 'error: test failed, to rerun pass `--lib`'], gone: ['test tests::sums_17 ... ok'] },
  { file: 'tsc.txt', command: 'npx tsc --noEmit', family: 'lint', facts: ['TS2322', 'TS7006', 'TS2551', 'TS2339', "Property 'discount' does not exist on type 'Order'.", "Parameter 'items' implicitly has an 'any' type.", 'src/invoices.ts', 'src/orders6.ts'] },
  { file: 'tsc-pretty.txt', command: 'npx tsc --pretty', family: 'lint', facts: ['TS2322', 'TS2339', 'Found 41 errors in 8 files.', 'src/orders3.ts'] },
  { file: 'git-diff.txt', command: 'git diff', family: 'git', facts: [] },
  { file: 'grep.txt', command: 'grep -rn estimateTokens src', family: 'grep', facts: ['src/tokens/estimate-tokens.ts'] },
];

describe('family reducers keep what must stay', () => {
  for (const item of REAL) {
    it(`${item.file} (real ${item.command})`, () => {
      const text = read(`real/${item.file}`);
      const family = detectFamily(text, { toolName: 'Bash', command: item.command });
      expect(family).toBe(item.family);
      const tokens = estimateTokens(text);
      const result = reduceOutput(family as never, text, { budgetTokens: budgetFor(tokens, 'safe') });
      for (const fact of item.facts) expect(result.text, fact).toContain(fact);
      for (const line of item.gone ?? []) expect(result.text).not.toContain(line);
      expect(result.tokensAfter).toBeLessThan(tokens * 0.35);
      expect(isFaithful(text, result.text)).toBe(true);
    });
  }
  for (const [file, label] of Object.entries(synthetic)) {
    it(`${file} (synthetic ${label.command})`, () => {
      const text = read(`synthetic/${file}`);
      const family = detectFamily(text, { toolName: 'Bash', command: label.command });
      expect(family).toBe(label.family);
      const result = reduceOutput(family as never, text, { budgetTokens: budgetFor(estimateTokens(text), 'safe') });
      for (const fact of label.facts) expect(result.text, fact).toContain(fact);
      expect(isFaithful(text, result.text)).toBe(true);
    });
  }

  it('keeps every file a listing names, grouped by folder', () => {
    const text = read('real/find.txt');
    const result = reduceListing(text);
    for (const path of text.trim().split('\n')) expect(result.text).toContain(path.slice(path.lastIndexOf('/') + 1));
    expect(result.tokensAfter).toBeLessThan(result.tokensBefore);
  });

  it('keeps a test failure over the budget rather than drop it', () => {
    const failures = Array.from({ length: 40 }, (_, i) => `not ok ${i + 1} - case number ${i} fails\n  ---\n  error: 'expected ${i} to be ${i + 1}'\n  ...`).join('\n');
    const result = reduceTest(`TAP version 13\n${failures}\n# tests 40\n# pass 0\n# fail 40\n`, { budgetTokens: 50 });
    for (let i = 0; i < 40; i++) expect(result.text).toContain(`not ok ${i + 1} - case number ${i} fails`);
    expect(result.text).toContain('# fail 40');
  });

  it('keeps one example of each error template with a count of the others', () => {
    const lines = [...Array.from({ length: 30 }, (_, i) => `step ${i} ok`), ...Array.from({ length: 12 }, (_, i) => `Error: connection ${i} refused by 10.0.0.${i}`), 'cleanup', 'report written', 'retrying later', 'exit status 1', 'done'];
    const result = reduceOutput('build', lines.join('\n'), { budgetTokens: 30 });
    expect(result.text).toContain('[×12] Error: connection 0 refused by 10.0.0.0');
    expect(result.text.split('\n').at(-1)).toBe('done');
  });

  it('reads tsc, mypy, ruff, eslint and rustc diagnostics', () => {
    const { diagnostics } = parseDiagnostics([
      "src/a.ts(3,17): error TS2322: Type 'string' is not assignable to type 'number'.",
      'app/m.py:12: error: Item "None" has no attribute "x"  [union-attr]',
      'app/s.py:5:1: F401 [*] `os` imported but unused',
      '/p/src/x.ts',
      "  10:3  error  'v' is defined but never used  no-unused-vars",
      '',
      'error[E0308]: mismatched types',
      '  --> src/apply.rs:44:20',
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column ?? ''} ${d.rule}`)).toEqual(['src/a.ts:3:17 TS2322', 'app/m.py:12: union-attr', 'app/s.py:5:1 F401', '/p/src/x.ts:10:3 no-unused-vars', 'src/apply.rs:44:20 E0308']);
  });
});
