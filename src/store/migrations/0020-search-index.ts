import type { Database } from 'better-sqlite3';

/**
 * Full-text search over what was found: one FTS5 row per discovery (rowid = discovery id) holding
 * its key, its summary and, for agent reports, the task. Triggers keep it in step with the tables,
 * so no writer can forget it. unicode61 splits on `_`, `/`, `.` and `-`, so paths and snake_case
 * names match by their parts.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE discovery_search USING fts5(key, summary, task, tokenize = 'unicode61 remove_diacritics 2');

    CREATE TRIGGER discoveries_search_insert AFTER INSERT ON discoveries BEGIN
      INSERT INTO discovery_search(rowid, key, summary, task) VALUES (new.id, new.key, new.summary, '');
    END;
    CREATE TRIGGER discoveries_search_update AFTER UPDATE OF key, summary ON discoveries BEGIN
      UPDATE discovery_search SET key = new.key, summary = new.summary WHERE rowid = new.id;
    END;
    CREATE TRIGGER discoveries_search_delete AFTER DELETE ON discoveries BEGIN
      DELETE FROM discovery_search WHERE rowid = old.id;
    END;
    CREATE TRIGGER handoffs_search_insert AFTER INSERT ON handoffs BEGIN
      UPDATE discovery_search SET task = new.task WHERE rowid = new.discovery_id;
    END;
    CREATE TRIGGER handoffs_search_update AFTER UPDATE OF task ON handoffs BEGIN
      UPDATE discovery_search SET task = new.task WHERE rowid = new.discovery_id;
    END;
  `);
}
