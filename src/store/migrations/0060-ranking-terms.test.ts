import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0060 ranking-terms', () => {
  it('leaves the terms of discoveries written before it to be computed when first ranked', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 50));
    db.prepare("INSERT INTO discoveries (kind, key, session_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES ('file', 'a.ts', 's', 1, 10, 3, 'cut', 1)").run();
    runMigrations(db, migrations.filter((m) => m.version <= 60));
    expect(db.pragma('user_version', { simple: true })).toBe(60);
    expect(db.prepare('SELECT key, terms FROM discoveries').get()).toEqual({ key: 'a.ts', terms: null });
  });
});
