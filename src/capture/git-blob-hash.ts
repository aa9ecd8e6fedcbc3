import { createRequire } from 'node:module';
import { sha1Hex } from './sha1.js';
import { sha1HexWasm } from './sha1-wasm.js';

/**
 * A hook hashes a few inputs, once, in a cold process; which SHA-1 is fastest there depends on how many
 * bytes it hashes in all (measured in a hook process): JavaScript up to a few KB, the WebAssembly module
 * up to about 200 KB (it compiles in a third of a millisecond), `node:crypto` beyond (2.5 ms to load,
 * then several times faster). The budgets count the whole process: a prompt hook that checks two dozen
 * files is better served by `node:crypto` after the first few.
 */
const JS_BUDGET_BYTES = 8 * 1024;
const WASM_BUDGET_BYTES = 192 * 1024;

let hashed = 0;
let crypto: typeof import('node:crypto') | undefined;

/**
 * The git blob id of some bytes: sha1 of `blob <size>\0` followed by the bytes. The same bytes give
 * the same id in any clone or worktree, and `git hash-object` agrees, without running git.
 */
export function gitBlobHash(bytes: Uint8Array | string): string {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const header = Buffer.from(`blob ${data.byteLength}\0`);
  if (!crypto) {
    hashed += data.byteLength;
    if (hashed <= JS_BUDGET_BYTES) return sha1Hex(Buffer.concat([header, data]));
    const fromWasm = hashed <= WASM_BUDGET_BYTES ? sha1HexWasm([header, data]) : undefined;
    if (fromWasm !== undefined) return fromWasm;
  }
  crypto ??= createRequire(import.meta.filename)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(header).update(data).digest('hex');
}
