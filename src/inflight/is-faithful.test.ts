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
