import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens.js';
import { estimateRawTokens } from './estimate-raw-tokens.js';

describe('estimateRawTokens', () => {
  it('is exact for short texts', () => {
    expect(estimateRawTokens('hello world\n')).toBe(estimateTokens('hello world\n'));
  });
  it('stays within 5% of the full count for a long, mixed output', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? `src/module${i}.ts:${i}: export function handler${i}(input) {` : i % 3 === 1 ? `  [${i}] INFO request handled in ${i % 97} ms` : `${'x'.repeat(i % 40)} 0x${i.toString(16)}`));
    const text = lines.join('\n');
    const exact = estimateTokens(text);
    expect(Math.abs(estimateRawTokens(text) - exact) / exact).toBeLessThan(0.05);
  });
});
