import type { Database } from 'better-sqlite3';

/**
 * The subagent pool's state in relational form: a lease records its subagent's type and last sign of
 * life (a lease silent for pool.leaseMinutes expires), `pool_sessions` keeps per session how many
 * subagents it started and how many tokens it has used (with the transcript cursor that count was read
 * up to). `usage` gets a time index because `stats` lists its rows by time.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE leases ADD COLUMN agent_type TEXT;
    ALTER TABLE leases ADD COLUMN last_seen_at INTEGER;
    CREATE TABLE pool_sessions (
      session_id TEXT PRIMARY KEY,
      started INTEGER NOT NULL DEFAULT 0,
      tokens_used INTEGER NOT NULL DEFAULT 0,
      usage_cursor TEXT,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX usage_created ON usage(created_at);
  `);
}
