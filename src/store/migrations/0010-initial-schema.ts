import type { Database } from 'better-sqlite3';

/**
 * Sessions, subagents, discoveries with their kept originals, agent handoffs with the files they
 * relied on, pool leases, token usage and a small key/value state. Foreign keys are not declared:
 * deletes are explicit (forget counts every row it removes), and hooks never pay for FK checks.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      started_at INTEGER NOT NULL,
      source TEXT,
      last_source TEXT,
      cwd TEXT,
      transcript_path TEXT,
      ended_at INTEGER,
      end_reason TEXT,
      prompts INTEGER NOT NULL DEFAULT 0,
      last_prompt_at INTEGER
    );

    CREATE TABLE agent_tasks (
      tool_use_id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL,
      prompt TEXT NOT NULL,
      description TEXT,
      subagent_type TEXT,
      agent_id TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX agent_tasks_unclaimed ON agent_tasks(session_id, created_at) WHERE agent_id IS NULL;

    CREATE TABLE agents (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL,
      agent_type TEXT,
      tool_use_id TEXT,
      started_at INTEGER,
      stopped_at INTEGER,
      transcript_path TEXT
    );
    CREATE INDEX agents_session ON agents(session_id);

    CREATE TABLE discoveries (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      tool_name TEXT,
      session_id TEXT NOT NULL,
      agent_id TEXT,
      agent_type TEXT,
      tool_use_id TEXT,
      created_at INTEGER NOT NULL,
      content_hash TEXT,
      range_start INTEGER,
      range_end INTEGER,
      raw_bytes INTEGER NOT NULL,
      raw_tokens INTEGER NOT NULL,
      summary TEXT NOT NULL,
      summary_tokens INTEGER NOT NULL,
      meta TEXT,
      stale INTEGER NOT NULL DEFAULT 0,
      stale_at INTEGER,
      use_count INTEGER NOT NULL DEFAULT 0,
      last_used_at INTEGER
    );
    CREATE UNIQUE INDEX discoveries_tool_use ON discoveries(tool_use_id, kind) WHERE tool_use_id IS NOT NULL;
    CREATE INDEX discoveries_kind_key ON discoveries(kind, key);
    CREATE INDEX discoveries_session ON discoveries(session_id, created_at);
    CREATE INDEX discoveries_agent ON discoveries(agent_id) WHERE agent_id IS NOT NULL;
    CREATE INDEX discoveries_hash ON discoveries(content_hash);
    CREATE INDEX discoveries_created ON discoveries(created_at);

    CREATE TABLE originals (
      discovery_id INTEGER PRIMARY KEY,
      text TEXT NOT NULL,
      stderr TEXT,
      bytes INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX originals_created ON originals(created_at, bytes);

    CREATE TABLE handoffs (
      discovery_id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL,
      agent_id TEXT,
      agent_type TEXT,
      tool_use_id TEXT,
      task TEXT NOT NULL,
      transcript_path TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX handoffs_agent ON handoffs(agent_id) WHERE agent_id IS NOT NULL;
    CREATE UNIQUE INDEX handoffs_tool_use ON handoffs(tool_use_id) WHERE tool_use_id IS NOT NULL;

    CREATE TABLE handoff_sources (
      discovery_id INTEGER NOT NULL,
      path TEXT NOT NULL,
      content_hash TEXT,
      PRIMARY KEY (discovery_id, path)
    ) WITHOUT ROWID;
    CREATE INDEX handoff_sources_path ON handoff_sources(path);

    CREATE TABLE leases (
      id INTEGER PRIMARY KEY,
      holder TEXT NOT NULL,
      session_id TEXT NOT NULL,
      agent_id TEXT,
      acquired_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      released_at INTEGER
    );
    CREATE UNIQUE INDEX leases_active_holder ON leases(holder) WHERE released_at IS NULL;
    CREATE INDEX leases_active ON leases(expires_at) WHERE released_at IS NULL;

    CREATE TABLE usage (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL,
      agent_id TEXT,
      kind TEXT NOT NULL,
      tokens INTEGER NOT NULL,
      ref TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX usage_session ON usage(session_id, kind);

    CREATE TABLE state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
