import { describe, expect, it } from 'vitest';
import { preselectTerms } from './preselect-terms.js';

describe('preselectTerms', () => {
  it.each([
    ['How does openDatabase handle the retry budget?', ['opendatabase', 'database', 'budget', 'retry', 'open']],
    ['what is in src/store/open.ts', ['src/store/open.ts', 'store', 'open', 'src', 'ts']],
    ['how do we do this', []],
  ])('%s', (query, expected) => {
    expect(preselectTerms(query)).toEqual(expected);
  });

  it('keeps at most 12 terms', () => {
    expect(preselectTerms(Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' '))).toHaveLength(12);
  });
});
