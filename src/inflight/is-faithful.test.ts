import { describe, expect, it } from 'vitest';
import { isFaithful } from './is-faithful.js';

const original = 'src/compress/grep.ts:12: export function estimateTokens(text) {\n\u001b[31merror\u001b[0m TS2322 in src/compress/log.ts\n';

describe('isFaithful', () => {
  it.each([
    ['kept lines', 'src/compress/grep.ts:12: export function estimateTokens(text) {'],
    ['paths regrouped by folder, markers and ctxkit header lines', '(ctxkit left out 3 lines)\ncompress/ (2): grep.ts, log.ts\n[×2] error TS2322'],
  ])('accepts %s', (_name, reduced) => expect(isFaithful(original, reduced)).toBe(true));

  it.each([
    ['a cut identifier', 'export function estimateToken'],
    ['an invented word', 'src/compress/grep.ts fixed'],
    ['a changed path', 'src/compres/grep.ts'],
    ['an ANSI remnant', '31merror'],
  ])('rejects %s', (_name, reduced) => expect(isFaithful(original, reduced)).toBe(false));
});

describe('isFaithful with whole lines of the original', () => {
  const log = 'ok 1 - parses input\nnot ok 2 - rejects negative totals\n  at src/orders.test.ts:14:3\n# tests 2\n# fail 1\n';

  it('accepts lines kept whole (markers and indentation aside) without a word-by-word look-up', () => {
    expect(isFaithful(log, '[×1] ok 1 - parses input\n  not ok 2 - rejects negative totals\n# fail 1')).toBe(true);
  });

  it('still checks every rewritten line beside them', () => {
    expect(isFaithful(log, 'not ok 2 - rejects negative totals\nsrc/ (1): orders.spec.ts')).toBe(false);
    expect(isFaithful(log, 'not ok 2 - rejects negative totals\nsrc/ (1): orders.test.ts')).toBe(true);
  });
});
