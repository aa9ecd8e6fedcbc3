import { describe, expect, it } from 'vitest';
import { gitBlobHash } from './git-blob-hash.js';

describe('gitBlobHash', () => {
  // Values from `git hash-object`.
  it('hashes the empty blob like git', () => {
    expect(gitBlobHash('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });
  it('hashes text like git', () => {
    expect(gitBlobHash('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
  it('hashes bytes and strings alike', () => {
    expect(gitBlobHash(Buffer.from('hello\n'))).toBe(gitBlobHash('hello\n'));
  });
});
