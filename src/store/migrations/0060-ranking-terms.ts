import type { Database } from 'better-sqlite3';

/**
 * The identifier-aware terms ranking reads for a discovery (src/synthesis/rank-candidates.ts), space
 * separated, or NULL until a ranking first needs them. Tokenizing fifty summaries of a few KB costs a
 * cold hook process ~10 ms, and the prompt hook ranks the same recent items at every prompt: they are
 * tokenized once and kept. A write that changes a summary sets them back to NULL.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE discoveries ADD COLUMN terms TEXT;');
}
