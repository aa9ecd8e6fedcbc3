import { existsSync } from 'node:fs';
import { spoolPath } from './spool.js';

/**
 * True when there is anything to read: the database, or captures still in the spool (fast-path hooks
 * write there without creating the database; opening the store ingests them).
 */
export function hasStore(paths: { dir: string; db: string }): boolean {
  return existsSync(paths.db) || existsSync(spoolPath(paths.dir));
}
