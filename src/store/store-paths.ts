import { join } from 'node:path';

export const STORE_FILE = 'ctxkit.db';
export const LOG_FILE = 'hooks.log';
export const DEFAULT_STORE_DIR = '.ctxkit';

/** Where a project's store and hook log live: `<root>/<store.dir>/ctxkit.db` and `hooks.log` beside it. */
export function storePaths(root: string, storeDir: string = DEFAULT_STORE_DIR): { dir: string; db: string; log: string } {
  const dir = join(root, storeDir);
  return { dir, db: join(dir, STORE_FILE), log: join(dir, LOG_FILE) };
}
