import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from './sha1.js';

describe('sha1Hex', () => {
  it('agrees with node:crypto for every length from 0 to 300 bytes and for large inputs', () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 131 + (i >> 5)) & 0xff));
    for (const size of [...Array.from({ length: 301 }, (_, i) => i), 4096, 65_535, 70_000]) {
      const data = bytes.subarray(0, size);
      expect(sha1Hex(data), `size ${size}`).toBe(createHash('sha1').update(data).digest('hex'));
    }
  });
});
