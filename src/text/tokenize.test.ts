import { describe, expect, it } from 'vitest';
import { splitIdentifier, tokenize } from './tokenize.js';

describe('splitIdentifier', () => {
  it.each([
    ['getUserName', ['get', 'user', 'name']],
    ['parseHTTPResponse2', ['parse', 'http', 'response', '2']],
    ['snake_case_word', ['snake', 'case', 'word']],
    ['kebab-case-word', ['kebab', 'case', 'word']],
    ['src/lib/fooBar.ts', ['src', 'lib', 'foo', 'bar', 'ts']],
  ])('%s', (word, parts) => {
    expect(splitIdentifier(word)).toEqual(parts);
  });
});

describe('tokenize', () => {
  it('keeps compounds whole and adds their parts', () => {
    expect(tokenize('see src/lib/fooBar.ts')).toEqual(['see', 'src/lib/foobar.ts', 'src', 'lib', 'foo', 'bar', 'ts']);
  });
  it('keeps error codes whole as well as split', () => {
    expect(tokenize('error TS2345 and E0308')).toEqual(['error', 'ts2345', 'ts', '2345', 'e0308', '0308']);
  });
  it('drops stopwords and one-letter words', () => {
    expect(tokenize('the cache is a map of x to y')).toEqual(['cache', 'map']);
  });
  it('splits snake_case and kebab-case', () => {
    expect(tokenize('max_retry_count retry-after')).toEqual(['max_retry_count', 'max', 'retry', 'count', 'retry-after', 'retry', 'after']);
  });
});
