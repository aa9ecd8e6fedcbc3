import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../run-migrations.js';
import { migrations } from './index.js';

describe('migration 0030 pool-state', () => {
  it('keeps leases written before it and adds the pool columns and table', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.filter((m) => m.version <= 20));
    db.prepare("INSERT INTO leases (holder, session_id, acquired_at, expires_at) VALUES ('toolu_1', 's', 1, 2)").run();
    runMigrations(db, migrations.filter((m) => m.version <= 30));
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    expect(db.prepare('SELECT holder, agent_type, last_seen_at FROM leases').get()).toEqual({ holder: 'toolu_1', agent_type: null, last_seen_at: null });
    db.prepare("INSERT INTO pool_sessions (session_id, started, updated_at) VALUES ('s', 2, 5)").run();
    expect(db.prepare('SELECT started, tokens_used, usage_cursor FROM pool_sessions').get()).toEqual({ started: 2, tokens_used: 0, usage_cursor: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'usage_created'").pluck().get()).toBe('usage_created');
  });
});
