import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

let counter = 0;

/** Writes through a temporary file in the same folder and a rename, so readers never see half a file. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.${counter++}.ctxkit-tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Deletes a file, then the folders it leaves empty, up to (not including) `stopAt`. */
export function removeFileAndEmptyParents(path: string, stopAt: string): void {
  rmSync(path, { force: true });
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const rel = relative(stopAt, folder);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return;
    try {
      if (readdirSync(folder).length > 0) return;
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}
