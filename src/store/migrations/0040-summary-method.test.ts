import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0040 summary-method', () => {
  it('keeps discoveries written before it as not yet refined, and indexes those', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 30));
    db.prepare("INSERT INTO discoveries (kind, key, session_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES ('file', 'a.ts', 's', 1, 10, 3, 'cut', 1)").run();
    runMigrations(db, migrations.filter((m) => m.version <= 40));
    expect(db.pragma('user_version', { simple: true })).toBe(40);
    expect(db.prepare('SELECT key, summary_method FROM discoveries').get()).toEqual({ key: 'a.ts', summary_method: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'discoveries_unrefined'").pluck().get()).toBe('discoveries_unrefined');
  });
});
