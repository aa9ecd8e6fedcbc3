import type { Database } from 'better-sqlite3';

/**
 * How a discovery's summary was made: NULL for the quick head-and-tail cut a hook takes while the tool
 * call waits, else the content reducer that later replaced it (`code`, `log`, `grep`, ...). Only cut
 * summaries with a kept original are worth refining; the index finds them without a scan.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE discoveries ADD COLUMN summary_method TEXT;
    CREATE INDEX discoveries_unrefined ON discoveries(created_at) WHERE summary_method IS NULL;
  `);
}
