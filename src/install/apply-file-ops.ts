import { readdir, rm, rmdir } from 'node:fs/promises';
import type { FileOp } from './file-op.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Performs planned file changes in order. */
export async function applyFileOps(ops: FileOp[]): Promise<void> {
  for (const op of ops) {
    if (op.kind === 'write') await writeFileAtomic(op.path, op.after);
    else if (op.kind === 'delete') await rm(op.path, { force: true });
    else await removeFolderIfEmpty(op.path);
  }
}

async function removeFolderIfEmpty(path: string): Promise<void> {
  try {
    if ((await readdir(path)).length === 0) await rmdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
