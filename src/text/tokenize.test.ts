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

describe('tokenize on ASCII and non-ASCII text', () => {
  it('gives ASCII text the same terms as the Unicode patterns would', () => {
    const pieces = ['getUserID', 'parseHTTPResponse2', 'src/app.ts', 'snake_case_name', 'kebab-case', 'TS2345', 'ERR_X123', 'a', 'the', '42', '$el', 'x.y.z', 'API', 'v1.2', '::', 'émile', 'naïveMode', 'ÜberCase', 'Ωmega'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]);
      const ascii = words.filter((word) => /^[\x00-\x7f]*$/.test(word)).join(' ');
      // An ASCII text, tokenized again with one non-ASCII word appended (which takes the Unicode patterns), must
      // give the same terms followed by that word's terms.
      const extended = tokenize(`${ascii} émile`);
      expect(extended.slice(0, extended.length - 1)).toEqual(tokenize(ascii));
      expect(extended.at(-1)).toBe('émile');
    }
  });

  it('reads text whose only non-ASCII characters are punctuation and symbols like ASCII text', () => {
    const symbols = ['…', '→', '—', '“', '”', '•', '✓', '│', '└──', '▸', '‰'];
    const ascii = 'getUserID reads src/app.ts … TS2345 in parseHTTPResponse2';
    for (const symbol of symbols) {
      const text = `${symbol} ${ascii.replace('reads', `reads${symbol}`)} ${symbol}`;
      // The same terms as with the symbol replaced by a space, and as with a letter word appended (Unicode patterns).
      expect(tokenize(text)).toEqual(tokenize(text.split(symbol).join(' ')));
      expect(tokenize(`${text} émile`)).toEqual([...tokenize(text), 'émile']);
    }
  });

  it('splits non-ASCII identifiers by case', () => {
    expect(splitIdentifier('naïveMode')).toEqual(['naïve', 'mode']);
    expect(splitIdentifier('ÜberCase')).toEqual(['über', 'case']);
  });
});
