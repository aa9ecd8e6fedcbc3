import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0050 original-files', () => {
  it('keeps originals written before it in the database', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 40));
    db.prepare("INSERT INTO originals (discovery_id, text, bytes, created_at) VALUES (1, 'the output', 10, 1)").run();
    runMigrations(db, migrations.filter((m) => m.version <= 50));
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(db.prepare('SELECT text, file FROM originals').get()).toEqual({ text: 'the output', file: null });
  });
});
