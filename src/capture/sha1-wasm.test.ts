import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1HexWasm } from './sha1-wasm.js';

const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 131 + (i >> 5)) & 0xff));
const expected = (...parts: Uint8Array[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha1')).digest('hex');

describe('sha1HexWasm', () => {
  it('agrees with node:crypto for every length from 0 to 300 bytes and across block edges', () => {
    for (const size of [...Array.from({ length: 301 }, (_, i) => i), 4095, 4096, 4097, 65_535, 65_536, 70_000]) {
      const data = bytes.subarray(0, size);
      expect(sha1HexWasm([data]), `size ${size}`).toBe(expected(data));
    }
  });

  it('grows its memory for a large input, and a shorter one after it is not disturbed by what is left there', () => {
    expect(sha1HexWasm([bytes])).toBe(expected(bytes));
    const short = bytes.subarray(1000, 1055);
    expect(sha1HexWasm([short])).toBe(expected(short));
  });

  it('hashes its parts as one message (git blob header, then the content)', () => {
    const header = Buffer.from('blob 11\0');
    const content = Buffer.from('hello world');
    expect(sha1HexWasm([header, content])).toBe(expected(Buffer.concat([header, content])));
  });
});
