import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0070 search-vocabulary', () => {
  it('counts the discoveries that hold each word, those written before it included', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 60));
    const insert = db.prepare("INSERT INTO discoveries (kind, key, session_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES ('file', ?, 's', 1, 10, 3, ?, 1)");
    insert.run('a.ts', 'openDatabase migrates the schema');
    runMigrations(db, migrations.filter((m) => m.version <= 70));
    insert.run('b.ts', 'the schema version');
    expect(db.pragma('user_version', { simple: true })).toBe(70);
    const docs = db.prepare('SELECT doc FROM discovery_vocab WHERE term = ?').pluck();
    expect([docs.get('schema'), docs.get('opendatabase'), docs.get('absent')]).toEqual([2, 1, undefined]);
  });
});
