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

describe('gitBlobHash on both sides of the small-input threshold', () => {
  it('agrees with node:crypto for every size from 0 to 20 KB in steps that cross each SHA-1 block edge', async () => {
    const { createHash } = await import('node:crypto');
    const bytes = Buffer.from(Array.from({ length: 20 * 1024 }, (_, i) => (i * 31 + (i >> 7)) & 0xff));
    for (const size of [...Array.from({ length: 200 }, (_, i) => i), 1000, 8 * 1024 - 11, 8 * 1024, 8 * 1024 + 1, 20 * 1024]) {
      const data = bytes.subarray(0, size);
      const expected = createHash('sha1').update(`blob ${size}\0`).update(data).digest('hex');
      expect(gitBlobHash(data), `size ${size}`).toBe(expected);
    }
  });
});
