import { createRequire } from 'node:module';
import { sha1Hex } from './sha1.js';

/**
 * Up to this many bytes hashed in a process, the JavaScript SHA-1 is faster than loading `node:crypto` (measured
 * cold, in a hook process). Counted over the whole process: a prompt hook that checks two dozen files is better
 * served by `node:crypto` after the first few.
 */
const JS_BUDGET_BYTES = 8 * 1024;

let hashedInJs = 0;
let crypto: typeof import('node:crypto') | undefined;

/**
 * The git blob id of some bytes: sha1 of `blob <size>\0` followed by the bytes. The same bytes give
 * the same id in any clone or worktree, and `git hash-object` agrees, without running git.
 */
export function gitBlobHash(bytes: Uint8Array | string): string {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const header = Buffer.from(`blob ${data.byteLength}\0`);
  if (!crypto && hashedInJs + data.byteLength <= JS_BUDGET_BYTES) {
    hashedInJs += data.byteLength;
    return sha1Hex(Buffer.concat([header, data]));
  }
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(header).update(data).digest('hex');
}
