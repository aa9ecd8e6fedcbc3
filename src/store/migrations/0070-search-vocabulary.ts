import type { Database } from 'better-sqlite3';

/**
 * The search index's vocabulary as a table (fts5vocab, rows per term): injection looks up how many
 * discoveries hold each query word to pre-select by the rare ones. Created once here instead of as a
 * temporary table in every prompt hook, which cost each one a schema change.
 */
export function up(db: Database): void {
  db.exec("CREATE VIRTUAL TABLE discovery_vocab USING fts5vocab(discovery_search, 'row');");
}
