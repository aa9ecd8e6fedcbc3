import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0020 search-index', () => {
  it('indexes existing-schema rows through triggers: insert, update, handoff task, delete', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 10));
    runMigrations(db, migrations.filter((m) => m.version <= 20));
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    db.prepare("INSERT INTO discoveries (id, kind, key, session_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES (1, 'file', 'src/store/open.ts', 's', 0, 1, 1, 'opens the database', 1)").run();
    const search = (q: string) => db.prepare('SELECT rowid FROM discovery_search WHERE discovery_search MATCH ?').pluck().all(q);
    expect(search('"store"')).toEqual([1]);
    expect(search('"database"')).toEqual([1]);
    db.prepare("UPDATE discoveries SET summary = 'reads the config' WHERE id = 1").run();
    expect(search('"database"')).toEqual([]);
    expect(search('"config"')).toEqual([1]);
    db.prepare("INSERT INTO handoffs (discovery_id, session_id, task, created_at) VALUES (1, 's', 'investigate migrations', 0)").run();
    expect(search('"migrations"')).toEqual([1]);
    db.prepare('DELETE FROM discoveries WHERE id = 1').run();
    expect(search('"config"')).toEqual([]);
  });
});
