import { createHash } from 'node:crypto';

/**
 * The git blob id of some bytes: sha1 of `blob <size>\0` followed by the bytes. The same bytes give
 * the same id in any clone or worktree, and `git hash-object` agrees, without running git.
 */
export function gitBlobHash(bytes: Uint8Array | string): string {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return createHash('sha1').update(`blob ${data.byteLength}\0`).update(data).digest('hex');
}
