import { describe, expect, it } from 'vitest';
import { reduceText } from './text.js';

describe('reduceText', () => {
  it('collapses adjacent repeated lines', () => {
    expect(reduceText('a\nb\nb\nb\nc').text).toBe('a\n[×3] b\nc');
  });

  it('keeps head, tail, error lines and query matches under the budget', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `row ${i} value ${i * 3}`);
    lines[200] = 'fatal: cannot lock ref refs/heads/main';
    lines[300] = 'the cacheWarmup step ran here';
    const result = reduceText(lines.join('\n'), { budgetTokens: 120, query: 'cache warmup' });
    expect(result.tokensAfter).toBeLessThanOrEqual(120);
    expect(result.text).toContain('row 0 value 0');
    expect(result.text).toContain('row 399 value 1197');
    expect(result.text).toContain('fatal: cannot lock ref refs/heads/main');
    expect(result.text).toContain('the cacheWarmup step ran here');
    expect(result.text).toMatch(/… \d+ lines omitted/);
  });
});
