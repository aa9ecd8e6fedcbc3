import type { Database } from 'better-sqlite3';

/**
 * Large originals live in files beside the database (`originals/<name>`, named here; `text` is then
 * empty): a megabyte of test log written through SQLite is written twice, to the WAL and again by the
 * checkpoint when the hook closes the store, and the hook that keeps it is waiting on a tool call.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE originals ADD COLUMN file TEXT;');
}
