import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0010 initial-schema', () => {
  it('creates the tables and the tool_use uniqueness', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 10));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['agent_tasks', 'agents', 'discoveries', 'handoff_sources', 'handoffs', 'leases', 'originals', 'sessions', 'state', 'usage']);
    const insert = db.prepare("INSERT INTO discoveries (kind, key, session_id, tool_use_id, created_at, raw_bytes, raw_tokens, summary, summary_tokens) VALUES ('file', 'a', 's', 't1', 0, 1, 1, 'x', 1)");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
  });
});
