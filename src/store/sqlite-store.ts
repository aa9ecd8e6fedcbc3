import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { globToRegExp } from '../glob/glob-to-regexp.js';
import type { PoolLease, PoolSession, PoolState, RateLimitState, SessionUsageCursor } from '../pool/pool-state.js';
import { openDatabase, type OpenDatabaseOptions } from './open-database.js';
import type {
  AgentRecord,
  AgentTask,
  Discovery,
  DiscoveryInput,
  DiscoveryQuery,
  ForgetResult,
  ForgetScope,
  HandoffInput,
  OriginalText,
  PoolUpdate,
  RankingTerms,
  SessionStart,
  Store,
  StoreCounts,
  UsageEntry,
} from './store.js';
import { finderKey } from './seen-index.js';
import { readSpool, removeSpooled, type IngestResult } from './spool.js';
import { withWriteTransaction } from './write-transaction.js';

export interface SqliteStoreOptions extends OpenDatabaseOptions {
  /** Cap on kept originals (`store.maxBlobMegabytes`); the oldest are evicted first. */
  maxBlobBytes?: number;
  /** Originals at least this large are kept as files in `<store folder>/originals/` (default 128 KB). */
  fileMinBytes?: number;
  /** How long a write keeps retrying a busy lock (default 10 s). */
  retryForMs?: number;
}

interface DiscoveryRow {
  id: number;
  kind: string;
  key: string;
  tool_name: string | null;
  session_id: string;
  agent_id: string | null;
  agent_type: string | null;
  tool_use_id: string | null;
  created_at: number;
  content_hash: string | null;
  range_start: number | null;
  range_end: number | null;
  raw_bytes: number;
  raw_tokens: number;
  summary: string;
  summary_tokens: number;
  meta: string | null;
  stale: number;
  use_count: number;
  last_used_at: number | null;
  has_original: number;
  task: string | null;
  transcript_path: string | null;
}

interface AgentRow {
  id: string;
  session_id: string;
  agent_type: string | null;
  tool_use_id: string | null;
  started_at: number | null;
  stopped_at: number | null;
  transcript_path: string | null;
  task: string | null;
  description: string | null;
}

/** The columns a Discovery is read from (not `terms`: ranking asks for those on their own). */
const DISCOVERY_COLUMNS = ['id', 'kind', 'key', 'tool_name', 'session_id', 'agent_id', 'agent_type', 'tool_use_id', 'created_at', 'content_hash', 'range_start', 'range_end', 'raw_bytes', 'raw_tokens', 'summary', 'summary_tokens', 'meta', 'stale', 'use_count', 'last_used_at']
  .map((column) => `d.${column}`)
  .join(', ');

const SELECT_DISCOVERY = `
  SELECT ${DISCOVERY_COLUMNS}, (o.discovery_id IS NOT NULL) AS has_original, h.task AS task, h.transcript_path AS transcript_path
  FROM discoveries d
  LEFT JOIN originals o ON o.discovery_id = d.id
  LEFT JOIN handoffs h ON h.discovery_id = d.id`;

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The distinct words of free text, as FTS5 indexes them (lower case), at most 64. */
function searchWords(text: string): string[] {
  // ASCII text (most prompts) skips the Unicode classes, which V8 takes a fifth of a millisecond to build.
  const words = (/[^\x00-\x7f]/.test(text) ? text.match(/[\p{L}\p{N}]+/gu) : text.match(/[A-Za-z0-9]+/g)) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, 64);
}

/** FTS5 query of words: each quoted (no operator injection), any may match. */
function orQuery(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(' OR ');
}

/**
 * A text search ranks every row that matches any word, so a word in most of the pool (a common
 * identifier) would make it scan most of the pool. Words in at most this many rows are "rare":
 * when the text has any, only they select rows (a row that matches only common words would rank
 * below them anyway: BM25 gives common words almost no weight).
 */
const RARE_WORD_ROWS = 2000;
/** Without a rare word, only the most recent matches are ranked. */
const RECENT_MATCHES = 2000;

/** The folder of original files beside a database file. */
export function originalsDir(dbFile: string): string {
  return join(dirname(dbFile), 'originals');
}

/**
 * Originals this large go to a file: through SQLite a megabyte is written twice (the WAL, then the
 * checkpoint as the hook closes the store), which costs the hook that keeps it several milliseconds.
 */
const FILE_MIN_BYTES = 128 * 1024;

/** A Store over one SQLite database (better-sqlite3). The only code that speaks SQL. */
export class SqliteStore implements Store {
  readonly #db: Database;
  readonly #maxBlobBytes: number;
  readonly #retryForMs: number | undefined;
  /** Where large originals go; without one (an in-memory store) they stay in the database. */
  readonly #filesDir: string | undefined;
  readonly #fileMinBytes: number;
  /** File work of the write transaction in progress: what to delete once it commits, or if it rolls back. */
  #afterCommit: string[] = [];
  #afterRollback: string[] = [];

  constructor(db: Database, options: { maxBlobBytes?: number; retryForMs?: number; filesDir?: string; fileMinBytes?: number } = {}) {
    this.#db = db;
    this.#maxBlobBytes = options.maxBlobBytes ?? 256 * 1024 * 1024;
    this.#retryForMs = options.retryForMs;
    this.#filesDir = options.filesDir;
    this.#fileMinBytes = options.fileMinBytes ?? FILE_MIN_BYTES;
  }

  /** The underlying connection, for tests and benchmarks. */
  get database(): Database {
    return this.#db;
  }

  #write<T>(fn: () => T): T {
    this.#afterCommit = [];
    this.#afterRollback = [];
    let result: T;
    try {
      result = withWriteTransaction(this.#db, fn, { retryForMs: this.#retryForMs });
    } catch (error) {
      this.#removeFiles(this.#afterRollback);
      throw error;
    }
    this.#removeFiles(this.#afterCommit);
    return result;
  }

  /** Deletes original files; one already gone (another process evicted it) is no error. */
  #removeFiles(names: readonly string[]): void {
    for (const name of names) {
      try {
        rmSync(join(this.#filesDir!, name), { force: true });
      } catch {
        /* a file left behind costs disk space, never an answer */
      }
    }
  }

  /**
   * Original files no row names: left by a hook that died between writing one and committing. Only sound
   * inside a write transaction (every writer writes its file while holding the lock).
   */
  #unreferencedFiles(): string[] {
    if (this.#filesDir === undefined) return [];
    let names: string[];
    try {
      names = readdirSync(this.#filesDir);
    } catch {
      return [];
    }
    const referenced = new Set(this.#db.prepare('SELECT file FROM originals WHERE file IS NOT NULL').pluck().all() as string[]);
    return names.filter((name) => !referenced.has(name));
  }

  /** Writes `text` to a new original file (atomically); its name. Removed again if the transaction rolls back. */
  #writeOriginalFile(discoveryId: number, text: string): string {
    const dir = this.#filesDir!;
    mkdirSync(dir, { recursive: true });
    // Ids are reused after deletes: the suffix keeps a new file from meeting an old one's name.
    const name = `${discoveryId}-${Math.random().toString(36).slice(2, 10)}.txt`;
    const temporary = join(dir, `.${name}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, join(dir, name));
    this.#afterRollback.push(name);
    return name;
  }

  /** The text of an original, from its file when it has one; undefined when the file is gone. */
  #originalText(row: { text: string; file?: string | null }): string | undefined {
    if (!row.file) return row.text;
    try {
      return readFileSync(join(this.#filesDir ?? '', row.file), 'utf8');
    } catch {
      return undefined;
    }
  }

  #ensureSession(sessionId: string, at: number): void {
    this.#db.prepare('INSERT OR IGNORE INTO sessions (id, started_at) VALUES (?, ?)').run(sessionId, at);
  }

  #keepOriginal(discoveryId: number, original: OriginalText, at: number): void {
    const textBytes = Buffer.byteLength(original.text);
    const bytes = textBytes + (original.stderr ? Buffer.byteLength(original.stderr) : 0);
    if (bytes > this.#maxBlobBytes) return;
    const replaced = this.#db.prepare('SELECT file FROM originals WHERE discovery_id = ? AND file IS NOT NULL').pluck().get(discoveryId) as string | undefined;
    if (replaced) this.#afterCommit.push(replaced);
    const file = this.#filesDir !== undefined && textBytes >= this.#fileMinBytes ? this.#writeOriginalFile(discoveryId, original.text) : null;
    this.#db
      .prepare('INSERT OR REPLACE INTO originals (discovery_id, text, stderr, bytes, created_at, file) VALUES (?, ?, ?, ?, ?, ?)')
      .run(discoveryId, file ? '' : original.text, original.stderr ?? null, bytes, at, file);
    const total = (this.#db.prepare('SELECT COALESCE(SUM(bytes), 0) AS total FROM originals').get() as { total: number }).total;
    if (total <= this.#maxBlobBytes) return;
    let excess = total - this.#maxBlobBytes;
    const oldest = this.#db.prepare('SELECT discovery_id, bytes, file FROM originals ORDER BY created_at, discovery_id').iterate() as IterableIterator<{ discovery_id: number; bytes: number; file: string | null }>;
    const evict: Array<{ discovery_id: number; file: string | null }> = [];
    for (const row of oldest) {
      if (excess <= 0) break;
      if (row.discovery_id === discoveryId) continue;
      evict.push(row);
      excess -= row.bytes;
    }
    const remove = this.#db.prepare('DELETE FROM originals WHERE discovery_id = ?');
    for (const row of evict) {
      remove.run(row.discovery_id);
      if (row.file) this.#afterCommit.push(row.file);
    }
  }

  #insertDiscovery(input: DiscoveryInput): { id: number; created: boolean } {
    const db = this.#db;
    if (input.toolUseId) {
      const existing = db.prepare('SELECT id FROM discoveries WHERE tool_use_id = ? AND kind = ?').get(input.toolUseId, input.kind) as { id: number } | undefined;
      if (existing) return { id: existing.id, created: false };
    }
    this.#ensureSession(input.sessionId, input.createdAt);
    if (input.supersede && input.contentHash) {
      db.prepare("UPDATE discoveries SET stale = 1, stale_at = ? WHERE kind = ? AND key = ? AND stale = 0 AND content_hash IS NOT ?").run(input.createdAt, input.kind, input.key, input.contentHash);
    }
    const result = db
      .prepare(
        `INSERT INTO discoveries (kind, key, tool_name, session_id, agent_id, agent_type, tool_use_id, created_at, content_hash,
           range_start, range_end, raw_bytes, raw_tokens, summary, summary_tokens, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.kind,
        input.key,
        input.toolName ?? null,
        input.sessionId,
        input.agentId ?? null,
        input.agentType ?? null,
        input.toolUseId ?? null,
        input.createdAt,
        input.contentHash ?? null,
        input.range?.start ?? null,
        input.range?.end ?? null,
        input.rawBytes,
        input.rawTokens,
        input.summary,
        input.summaryTokens,
        input.meta && Object.keys(input.meta).length > 0 ? JSON.stringify(input.meta) : null,
      );
    const id = Number(result.lastInsertRowid);
    if (input.original) this.#keepOriginal(id, input.original, input.createdAt);
    return { id, created: true };
  }

  async record(input: DiscoveryInput): Promise<{ id: number; created: boolean }> {
    return this.#write(() => this.#insertDiscovery(input));
  }

  async listUnrefined(input: { kinds: readonly string[]; limit: number; exceptMethods?: readonly string[] }): Promise<Array<{ discovery: Discovery; original: OriginalText }>> {
    if (input.kinds.length === 0 || input.limit <= 0) return [];
    const rows = this.#db
      .prepare(
        `SELECT ${DISCOVERY_COLUMNS}, 1 AS has_original, NULL AS task, NULL AS transcript_path, o.text AS original_text, o.stderr AS original_stderr, o.file AS original_file
         FROM discoveries d JOIN originals o ON o.discovery_id = d.id
         WHERE ${input.exceptMethods === undefined ? 'd.summary_method IS NULL' : `(d.summary_method IS NULL OR d.summary_method NOT IN (${input.exceptMethods.map(() => '?').join(', ')}))`} AND d.stale = 0
           AND d.kind IN (${input.kinds.map(() => '?').join(', ')})
         ORDER BY d.created_at DESC LIMIT ?`,
      )
      .all(...(input.exceptMethods ?? []), ...input.kinds, input.limit) as Array<DiscoveryRow & { original_text: string; original_stderr: string | null; original_file: string | null }>;
    return rows.flatMap((row) => {
      const text = this.#originalText({ text: row.original_text, file: row.original_file });
      return text === undefined ? [] : [{ discovery: this.#toDiscovery(row), original: { text, stderr: orUndefined(row.original_stderr) } }];
    });
  }

  async setSummary(id: number, input: { summary: string; summaryTokens: number; method: string }): Promise<void> {
    this.#write(() => this.#db.prepare('UPDATE discoveries SET summary = ?, summary_tokens = ?, summary_method = ?, terms = NULL WHERE id = ?').run(input.summary, input.summaryTokens, input.method, id));
  }

  /** Every (content hash, finder) pair of the discoveries these tools made, for rebuilding the content-seen index. */
  contentFinders(toolNames: readonly string[]): Array<{ contentHash: string; finder: string }> {
    if (toolNames.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT DISTINCT content_hash, session_id, agent_id FROM discoveries WHERE content_hash IS NOT NULL AND tool_name IN (${toolNames.map(() => '?').join(', ')})`)
      .all(...toolNames) as Array<{ content_hash: string; session_id: string; agent_id: string | null }>;
    return rows.map((row) => ({ contentHash: row.content_hash, finder: finderKey(row.session_id, orUndefined(row.agent_id)) }));
  }

  /**
   * Moves the capture spool (src/store/spool.ts) into the database in one write transaction, then
   * deletes the files. openSqliteStore calls this first, so a reader never misses a spooled capture.
   */
  ingestSpool(storeDir: string): IngestResult {
    const { records, rejected } = readSpool(storeDir);
    if (records.length > 0) {
      this.#write(() => {
        for (const record of records) this.#insertDiscovery(record.input);
      });
      removeSpooled(records);
    }
    return { ingested: records.length, rejected };
  }

  #toDiscovery(row: DiscoveryRow): Discovery {
    const discovery: Discovery = {
      id: row.id,
      kind: row.kind,
      key: row.key,
      sessionId: row.session_id,
      agentId: orUndefined(row.agent_id),
      agentType: orUndefined(row.agent_type),
      toolName: orUndefined(row.tool_name),
      toolUseId: orUndefined(row.tool_use_id),
      createdAt: row.created_at,
      contentHash: orUndefined(row.content_hash),
      range: row.range_start !== null && row.range_end !== null ? { start: row.range_start, end: row.range_end } : undefined,
      rawBytes: row.raw_bytes,
      rawTokens: row.raw_tokens,
      summary: row.summary,
      summaryTokens: row.summary_tokens,
      meta: row.meta ? (JSON.parse(row.meta) as Record<string, unknown>) : {},
      stale: row.stale === 1,
      useCount: row.use_count,
      lastUsedAt: orUndefined(row.last_used_at),
      hasOriginal: row.has_original === 1,
    };
    if (row.task !== null) {
      const sources = this.#db.prepare('SELECT path, content_hash FROM handoff_sources WHERE discovery_id = ? ORDER BY path').all(row.id) as Array<{ path: string; content_hash: string | null }>;
      discovery.handoff = {
        task: row.task,
        sources: sources.map((source) => ({ path: source.path, contentHash: orUndefined(source.content_hash) })),
        transcriptPath: orUndefined(row.transcript_path),
      };
    }
    return discovery;
  }

  async get(id: number): Promise<Discovery | undefined> {
    const row = this.#db.prepare(`${SELECT_DISCOVERY} WHERE d.id = ?`).get(id) as DiscoveryRow | undefined;
    return row ? this.#toDiscovery(row) : undefined;
  }

  async getOriginal(id: number): Promise<OriginalText | undefined> {
    const row = this.#db.prepare('SELECT text, stderr, file FROM originals WHERE discovery_id = ?').get(id) as { text: string; stderr: string | null; file: string | null } | undefined;
    const text = row && this.#originalText(row);
    return text === undefined ? undefined : { text, stderr: orUndefined(row!.stderr) };
  }

  async find(query: DiscoveryQuery): Promise<Discovery[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    let from = SELECT_DISCOVERY;
    let order = 'd.created_at DESC, d.id DESC';
    if (query.text !== undefined) {
      const words = searchWords(query.text);
      if (words.length === 0) return [];
      const rare = this.#rareWords(words);
      const matches =
        rare.length > 0
          ? 'SELECT rowid AS id, bm25(discovery_search) AS score FROM discovery_search WHERE discovery_search MATCH ?'
          : `SELECT rowid AS id, bm25(discovery_search) AS score FROM discovery_search WHERE discovery_search MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_MATCHES}`;
      from = `${SELECT_DISCOVERY} JOIN (${matches}) m ON m.id = d.id`;
      params.push(orQuery(rare.length > 0 ? rare : words));
      order = 'm.score, d.created_at DESC';
    }
    if (query.kinds && query.kinds.length > 0) {
      where.push(`d.kind IN (${query.kinds.map(() => '?').join(', ')})`);
      params.push(...query.kinds);
    }
    const keys = [...(query.key !== undefined ? [query.key] : []), ...(query.keys ?? [])];
    if (keys.length > 0) {
      where.push(`d.key IN (${keys.map(() => '?').join(', ')})`);
      params.push(...keys);
    }
    if (query.contentHash !== undefined) {
      where.push('d.content_hash = ?');
      params.push(query.contentHash);
    }
    if (query.sessionId !== undefined) {
      where.push('d.session_id = ?');
      params.push(query.sessionId);
    }
    if (query.excludeSessionId !== undefined) {
      where.push('d.session_id <> ?');
      params.push(query.excludeSessionId);
    }
    if (query.agentId !== undefined) {
      where.push('d.agent_id = ?');
      params.push(query.agentId);
    }
    if (!query.includeStale) where.push('d.stale = 0');
    if (query.since !== undefined) {
      where.push('d.created_at >= ?');
      params.push(query.since);
    }
    const sql = `${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
    params.push(query.limit ?? 50);
    const rows = this.#db.prepare(sql).all(...params) as DiscoveryRow[];
    return rows.map((row) => this.#toDiscovery(row));
  }

  /** The words found in at least one and at most RARE_WORD_ROWS rows (FTS5's vocabulary, read per word). */
  #rareWords(words: readonly string[]): string[] {
    const rows = this.#db.prepare('SELECT doc FROM discovery_vocab WHERE term = ?').pluck();
    return words.filter((word) => {
      const count = (rows.get(word) as number | undefined) ?? 0;
      return count > 0 && count <= RARE_WORD_ROWS;
    });
  }

  async recordedToolUses(toolUseIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const statement = this.#db.prepare('SELECT EXISTS (SELECT 1 FROM discoveries WHERE tool_use_id = @id) OR EXISTS (SELECT 1 FROM handoffs WHERE tool_use_id = @id)').pluck();
    for (const id of toolUseIds) if (statement.get({ id }) === 1) found.add(id);
    return found;
  }

  async markStale(input: { path: string; currentHash?: string; at: number }): Promise<number> {
    return this.#write(() => {
      const files = this.#db
        .prepare("UPDATE discoveries SET stale = 1, stale_at = ? WHERE kind = 'file' AND key = ? AND stale = 0 AND content_hash IS NOT ?")
        .run(input.at, input.path, input.currentHash ?? null).changes;
      const reports = this.#db
        .prepare(
          `UPDATE discoveries SET stale = 1, stale_at = ? WHERE stale = 0 AND id IN
             (SELECT discovery_id FROM handoff_sources WHERE path = ? AND content_hash IS NOT ?)`,
        )
        .run(input.at, input.path, input.currentHash ?? null).changes;
      return files + reports;
    });
  }

  async markUsed(ids: number[], at: number): Promise<void> {
    if (ids.length === 0) return;
    this.#write(() => this.#markUsed(ids, at));
  }

  #markUsed(ids: number[], at: number): void {
    const statement = this.#db.prepare('UPDATE discoveries SET use_count = use_count + 1, last_used_at = ? WHERE id = ?');
    for (const id of ids) statement.run(at, id);
  }

  async handOff(input: HandoffInput): Promise<{ id: number; created: boolean }> {
    return this.#write(() => {
      const db = this.#db;
      const existing = db
        .prepare('SELECT discovery_id AS id FROM handoffs WHERE (agent_id IS NOT NULL AND agent_id = ?) OR (tool_use_id IS NOT NULL AND tool_use_id = ?) LIMIT 1')
        .get(input.agentId ?? null, input.toolUseId ?? null) as { id: number } | undefined;
      if (existing) {
        // The same report arrives twice (SubagentStop, then the Agent tool's PostToolUse): complete the row.
        db.prepare('UPDATE handoffs SET agent_id = COALESCE(agent_id, ?), agent_type = COALESCE(agent_type, ?), tool_use_id = COALESCE(tool_use_id, ?), transcript_path = COALESCE(transcript_path, ?) WHERE discovery_id = ?').run(
          input.agentId ?? null,
          input.agentType ?? null,
          input.toolUseId ?? null,
          input.transcriptPath ?? null,
          existing.id,
        );
        const current = db.prepare('SELECT raw_bytes FROM discoveries WHERE id = ?').get(existing.id) as { raw_bytes: number };
        if (input.rawBytes > current.raw_bytes) {
          db.prepare('UPDATE discoveries SET summary = ?, summary_tokens = ?, raw_bytes = ?, raw_tokens = ?, terms = NULL WHERE id = ?').run(input.summary, input.summaryTokens, input.rawBytes, input.rawTokens, existing.id);
          if (input.original) this.#keepOriginal(existing.id, input.original, input.createdAt);
        }
        this.#insertSources(existing.id, input.sources);
        return { id: existing.id, created: false };
      }
      const { id } = this.#insertDiscovery({
        kind: 'agent-report',
        key: input.description,
        sessionId: input.sessionId,
        agentId: input.agentId,
        agentType: input.agentType,
        toolName: 'Agent',
        createdAt: input.createdAt,
        rawBytes: input.rawBytes,
        rawTokens: input.rawTokens,
        summary: input.summary,
        summaryTokens: input.summaryTokens,
        meta: input.meta,
        original: input.original,
      });
      db.prepare('INSERT INTO handoffs (discovery_id, session_id, agent_id, agent_type, tool_use_id, task, transcript_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id,
        input.sessionId,
        input.agentId ?? null,
        input.agentType ?? null,
        input.toolUseId ?? null,
        input.task,
        input.transcriptPath ?? null,
        input.createdAt,
      );
      this.#insertSources(id, input.sources);
      return { id, created: true };
    });
  }

  #insertSources(id: number, sources: HandoffInput['sources']): void {
    const statement = this.#db.prepare('INSERT OR IGNORE INTO handoff_sources (discovery_id, path, content_hash) VALUES (?, ?, ?)');
    for (const source of sources) statement.run(id, source.path, source.contentHash ?? null);
  }

  async sessionStarted(input: SessionStart): Promise<void> {
    this.#write(() => {
      this.#db
        .prepare(
          `INSERT INTO sessions (id, started_at, source, last_source, cwd, transcript_path) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET last_source = excluded.last_source, source = COALESCE(sessions.source, excluded.source),
             cwd = COALESCE(excluded.cwd, sessions.cwd), transcript_path = COALESCE(excluded.transcript_path, sessions.transcript_path),
             ended_at = NULL, end_reason = NULL`,
        )
        .run(input.id, input.at, input.source ?? null, input.source ?? null, input.cwd ?? null, input.transcriptPath ?? null);
    });
  }

  async sessionEnded(input: { id: string; reason?: string; at: number }): Promise<void> {
    this.#write(() => {
      this.#ensureSession(input.id, input.at);
      this.#db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ?').run(input.at, input.reason ?? null, input.id);
    });
  }

  async promptSubmitted(input: { sessionId: string; at: number }): Promise<void> {
    this.#write(() => this.#countPrompt(input.sessionId, input.at));
  }

  #countPrompt(sessionId: string, at: number): void {
    this.#ensureSession(sessionId, at);
    this.#db.prepare('UPDATE sessions SET prompts = prompts + 1, last_prompt_at = ? WHERE id = ?').run(at, sessionId);
  }

  async recordInjection(input: { at: number; usedIds: number[]; usage: UsageEntry[]; memory?: { key: string; ids: number[] }; promptOf?: string; terms?: ReadonlyMap<number, RankingTerms> }): Promise<void> {
    this.#write(() => {
      if (input.promptOf !== undefined) this.#countPrompt(input.promptOf, input.at);
      if (input.memory) this.#setState(input.memory.key, JSON.stringify(input.memory.ids));
      this.#markUsed(input.usedIds, input.at);
      this.#insertUsage(input.usage);
      if (input.terms) this.#saveTerms(input.terms);
    });
  }

  async rankingTerms(ids: readonly number[]): Promise<Map<number, string[]>> {
    const terms = new Map<number, string[]>();
    // Bound parameters per statement are limited (32,766 by default); a ranking asks about a hundred or so.
    for (let from = 0; from < ids.length; from += 500) {
      const chunk = ids.slice(from, from + 500);
      const rows = this.#db.prepare(`SELECT id, terms FROM discoveries WHERE terms IS NOT NULL AND id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk) as Array<{ id: number; terms: string }>;
      for (const row of rows) terms.set(row.id, row.terms === '' ? [] : row.terms.split(' '));
    }
    return terms;
  }

  #saveTerms(terms: ReadonlyMap<number, RankingTerms>): void {
    // Only where still missing, and for the summary they were computed from: one rewritten since (a refine in
    // another process) has had its terms cleared, and the next ranking computes them anew.
    const statement = this.#db.prepare('UPDATE discoveries SET terms = ? WHERE id = ? AND terms IS NULL AND summary = ?');
    for (const [id, kept] of terms) statement.run(kept.terms.join(' '), id, kept.summary);
  }

  async agentTaskQueued(task: AgentTask): Promise<void> {
    this.#write(() => {
      this.#ensureSession(task.sessionId, task.at);
      this.#db
        .prepare('INSERT OR IGNORE INTO agent_tasks (tool_use_id, session_id, prompt, description, subagent_type, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(task.toolUseId, task.sessionId, task.prompt, task.description ?? null, task.subagentType ?? null, task.at);
    });
  }

  #agent(agentId: string): AgentRecord | undefined {
    const row = this.#db
      .prepare(
        `SELECT a.*, t.prompt AS task, t.description AS description FROM agents a
         LEFT JOIN agent_tasks t ON t.tool_use_id = a.tool_use_id WHERE a.id = ?`,
      )
      .get(agentId) as AgentRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      sessionId: row.session_id,
      agentType: orUndefined(row.agent_type),
      task: orUndefined(row.task),
      description: orUndefined(row.description),
      toolUseId: orUndefined(row.tool_use_id),
      startedAt: orUndefined(row.started_at),
      stoppedAt: orUndefined(row.stopped_at),
      transcriptPath: orUndefined(row.transcript_path),
    };
  }

  async agentStarted(input: { sessionId: string; agentId: string; agentType?: string; at: number }): Promise<AgentRecord> {
    return this.#write(() => {
      const db = this.#db;
      this.#ensureSession(input.sessionId, input.at);
      db.prepare('INSERT INTO agents (id, session_id, agent_type, started_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET agent_type = COALESCE(agents.agent_type, excluded.agent_type), started_at = COALESCE(agents.started_at, excluded.started_at)').run(
        input.agentId,
        input.sessionId,
        input.agentType ?? null,
        input.at,
      );
      const claimed = db.prepare('SELECT tool_use_id FROM agents WHERE id = ?').pluck().get(input.agentId) as string | null;
      if (claimed === null) {
        // Subagents of one type start in the order their Agent calls were made: pair with the oldest unclaimed one.
        const task = db
          .prepare(
            `SELECT tool_use_id FROM agent_tasks WHERE session_id = ? AND agent_id IS NULL
               AND (subagent_type IS NULL OR subagent_type = ? OR ? IS NULL) ORDER BY created_at, rowid LIMIT 1`,
          )
          .pluck()
          .get(input.sessionId, input.agentType ?? null, input.agentType ?? null) as string | undefined;
        if (task !== undefined) {
          db.prepare('UPDATE agent_tasks SET agent_id = ? WHERE tool_use_id = ?').run(input.agentId, task);
          db.prepare('UPDATE agents SET tool_use_id = ? WHERE id = ?').run(task, input.agentId);
        }
      }
      return this.#agent(input.agentId)!;
    });
  }

  async agentStopped(input: { sessionId: string; agentId: string; agentType?: string; at: number; transcriptPath?: string }): Promise<AgentRecord> {
    return this.#write(() => {
      this.#ensureSession(input.sessionId, input.at);
      this.#db
        .prepare(
          `INSERT INTO agents (id, session_id, agent_type, stopped_at, transcript_path) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET stopped_at = excluded.stopped_at, transcript_path = COALESCE(excluded.transcript_path, agents.transcript_path),
             agent_type = COALESCE(agents.agent_type, excluded.agent_type)`,
        )
        .run(input.agentId, input.sessionId, input.agentType ?? null, input.at, input.transcriptPath ?? null);
      return this.#agent(input.agentId)!;
    });
  }

  async getAgent(agentId: string): Promise<AgentRecord | undefined> {
    return this.#agent(agentId);
  }

  #loadPool(sessionIds: string[]): PoolState {
    const db = this.#db;
    const rows = db.prepare('SELECT * FROM leases WHERE released_at IS NULL ORDER BY acquired_at, id').all() as LeaseRow[];
    const state: PoolState = { leases: rows.map(toPoolLease), sessions: {} };
    const session = db.prepare('SELECT * FROM pool_sessions WHERE session_id = ?');
    for (const id of new Set(sessionIds)) {
      const row = session.get(id) as PoolSessionRow | undefined;
      if (row) state.sessions[id] = toPoolSession(row);
    }
    const rateLimit = db.prepare('SELECT value FROM state WHERE key = ?').pluck().get(RATE_LIMIT_KEY) as string | undefined;
    if (rateLimit !== undefined) {
      try {
        state.rateLimit = JSON.parse(rateLimit) as RateLimitState;
      } catch {
        /* an unreadable rate-limit record is no rate limit */
      }
    }
    return state;
  }

  #savePool(before: PoolState, after: PoolState, now: number, leaseMs: number): void {
    const db = this.#db;
    const kept = new Map(after.leases.map((lease) => [lease.id, lease]));
    const release = db.prepare('UPDATE leases SET released_at = ? WHERE holder = ? AND released_at IS NULL');
    for (const lease of before.leases) if (!kept.has(lease.id)) release.run(now, lease.id);
    const previous = new Map(before.leases.map((lease) => [lease.id, lease]));
    const insert = db.prepare('INSERT INTO leases (holder, session_id, agent_id, agent_type, acquired_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE leases SET agent_id = ?, agent_type = ?, last_seen_at = ?, expires_at = ? WHERE holder = ? AND released_at IS NULL');
    for (const lease of after.leases) {
      const old = previous.get(lease.id);
      if (!old) insert.run(lease.id, lease.sessionId, lease.agentId ?? null, lease.agentType ?? null, lease.startedAt, lease.lastSeenAt, lease.lastSeenAt + leaseMs);
      else if (old.agentId !== lease.agentId || old.agentType !== lease.agentType || old.lastSeenAt !== lease.lastSeenAt) {
        update.run(lease.agentId ?? null, lease.agentType ?? null, lease.lastSeenAt, lease.lastSeenAt + leaseMs, lease.id);
      }
    }
    const upsert = db.prepare(
      `INSERT INTO pool_sessions (session_id, started, tokens_used, usage_cursor, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(session_id) DO UPDATE SET started = excluded.started, tokens_used = excluded.tokens_used, usage_cursor = excluded.usage_cursor, updated_at = excluded.updated_at`,
    );
    for (const [id, session] of Object.entries(after.sessions)) {
      if (JSON.stringify(session) === JSON.stringify(before.sessions[id])) continue;
      upsert.run(id, session.started, session.tokensUsed, session.usage ? JSON.stringify(session.usage) : null, now);
    }
    if (JSON.stringify(before.rateLimit) !== JSON.stringify(after.rateLimit)) {
      if (after.rateLimit) db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(RATE_LIMIT_KEY, JSON.stringify(after.rateLimit));
      else db.prepare('DELETE FROM state WHERE key = ?').run(RATE_LIMIT_KEY);
    }
  }

  async updatePool<T>(input: { now: number; leaseMs: number; sessionIds: string[] }, decide: (state: PoolState) => PoolUpdate<T>): Promise<T> {
    return this.#write(() => {
      const before = this.#loadPool(input.sessionIds);
      const update = decide(before);
      this.#savePool(before, update.state, input.now, input.leaseMs);
      if (update.usage) this.#insertUsage(update.usage);
      return update.value;
    });
  }

  async readPool(input: { sessionIds: string[] }): Promise<PoolState> {
    return this.#loadPool(input.sessionIds);
  }

  #insertUsage(entries: UsageEntry[]): void {
    const statement = this.#db.prepare('INSERT INTO usage (session_id, agent_id, kind, tokens, ref, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const entry of entries) statement.run(entry.sessionId, entry.agentId ?? null, entry.kind, entry.tokens, entry.ref ?? null, entry.at);
  }

  async addUsage(entries: UsageEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.#write(() => this.#insertUsage(entries));
  }

  async usageTotals(filter: { sessionId?: string; since?: number }): Promise<Record<string, { tokens: number; events: number }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.sessionId !== undefined) (where.push('session_id = ?'), params.push(filter.sessionId));
    if (filter.since !== undefined) (where.push('created_at >= ?'), params.push(filter.since));
    const rows = this.#db
      .prepare(`SELECT kind, SUM(tokens) AS tokens, COUNT(*) AS events FROM usage${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY kind ORDER BY kind`)
      .all(...params) as Array<{ kind: string; tokens: number; events: number }>;
    return Object.fromEntries(rows.map((row) => [row.kind, { tokens: row.tokens, events: row.events }]));
  }

  async listUsage(filter: { since?: number; sessionId?: string }): Promise<UsageEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.sessionId !== undefined) (where.push('session_id = ?'), params.push(filter.sessionId));
    if (filter.since !== undefined) (where.push('created_at >= ?'), params.push(filter.since));
    const rows = this.#db
      .prepare(`SELECT session_id, agent_id, kind, tokens, ref, created_at FROM usage${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`)
      .all(...params) as Array<{ session_id: string; agent_id: string | null; kind: string; tokens: number; ref: string | null; created_at: number }>;
    return rows.map((row) => {
      const entry: UsageEntry = { sessionId: row.session_id, kind: row.kind, tokens: row.tokens, at: row.created_at };
      if (row.agent_id !== null) entry.agentId = row.agent_id;
      if (row.ref !== null) entry.ref = row.ref;
      return entry;
    });
  }

  async getState(key: string): Promise<string | undefined> {
    return this.#db.prepare('SELECT value FROM state WHERE key = ?').pluck().get(key) as string | undefined;
  }

  async setState(key: string, value: string | undefined): Promise<void> {
    this.#write(() => this.#setState(key, value));
  }

  #setState(key: string, value: string | undefined): void {
    if (value === undefined) this.#db.prepare('DELETE FROM state WHERE key = ?').run(key);
    else this.#db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async forget(scope: ForgetScope): Promise<ForgetResult> {
    const db = this.#db;
    // Deleted text should not linger in free pages or the WAL.
    db.pragma('secure_delete = ON');
    const result = this.#write(() => {
      const counts: ForgetResult = { discoveries: 0, originals: 0, handoffs: 0, sessions: 0, agents: 0, usage: 0, leases: 0, total: 0 };
      let ids: number[];
      if ('all' in scope) ids = db.prepare('SELECT id FROM discoveries').pluck().all() as number[];
      else if ('sessionId' in scope) ids = db.prepare('SELECT id FROM discoveries WHERE session_id = ?').pluck().all(scope.sessionId) as number[];
      else {
        const pattern = globToRegExp(scope.pathGlob.replace(/^\.\//, ''));
        const rows = db.prepare("SELECT id, key FROM discoveries WHERE kind IN ('file', 'edit')").all() as Array<{ id: number; key: string }>;
        ids = rows.filter((row) => pattern.test(row.key) || pattern.test(row.key.replace(/^\/+/, ''))).map((row) => row.id);
        const sources = db.prepare('SELECT DISTINCT path FROM handoff_sources').pluck().all() as string[];
        const deleteSource = db.prepare('DELETE FROM handoff_sources WHERE path = ?');
        for (const path of sources) if (pattern.test(path)) deleteSource.run(path);
      }
      const deleteOriginal = db.prepare('DELETE FROM originals WHERE discovery_id = ? RETURNING file');
      const deleteHandoff = db.prepare('DELETE FROM handoffs WHERE discovery_id = ?');
      const deleteSources = db.prepare('DELETE FROM handoff_sources WHERE discovery_id = ?');
      const deleteDiscovery = db.prepare('DELETE FROM discoveries WHERE id = ?');
      for (const id of ids) {
        const removed = deleteOriginal.all(id) as Array<{ file: string | null }>;
        counts.originals += removed.length;
        for (const { file } of removed) if (file) this.#afterCommit.push(file);
        counts.handoffs += deleteHandoff.run(id).changes;
        deleteSources.run(id);
        counts.discoveries += deleteDiscovery.run(id).changes;
      }
      if ('all' in scope) {
        counts.sessions = db.prepare('DELETE FROM sessions').run().changes;
        counts.agents = db.prepare('DELETE FROM agents').run().changes + db.prepare('DELETE FROM agent_tasks').run().changes;
        counts.usage = db.prepare('DELETE FROM usage').run().changes;
        counts.leases = db.prepare('DELETE FROM leases').run().changes + db.prepare('DELETE FROM pool_sessions').run().changes;
        db.prepare('DELETE FROM state').run();
      } else if ('sessionId' in scope) {
        counts.sessions = db.prepare('DELETE FROM sessions WHERE id = ?').run(scope.sessionId).changes;
        counts.agents = db.prepare('DELETE FROM agents WHERE session_id = ?').run(scope.sessionId).changes + db.prepare('DELETE FROM agent_tasks WHERE session_id = ?').run(scope.sessionId).changes;
        counts.usage = db.prepare('DELETE FROM usage WHERE session_id = ?').run(scope.sessionId).changes;
        counts.leases = db.prepare('DELETE FROM leases WHERE session_id = ?').run(scope.sessionId).changes + db.prepare('DELETE FROM pool_sessions WHERE session_id = ?').run(scope.sessionId).changes;
        db.prepare('DELETE FROM state WHERE key LIKE ?').run(`session:${scope.sessionId}:%`);
      }
      counts.total = counts.discoveries + counts.originals + counts.handoffs + counts.sessions + counts.agents + counts.usage + counts.leases;
      this.#afterCommit.push(...this.#unreferencedFiles());
      return counts;
    });
    if ('all' in scope) db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  }

  async counts(): Promise<StoreCounts> {
    const db = this.#db;
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      sessions: one('SELECT count(*) FROM sessions'),
      discoveries: one('SELECT count(*) FROM discoveries'),
      staleDiscoveries: one('SELECT count(*) FROM discoveries WHERE stale = 1'),
      originals: one('SELECT count(*) FROM originals'),
      originalBytes: one('SELECT COALESCE(SUM(bytes), 0) FROM originals'),
    };
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** Store state key of the pool's rate-limit record (see RateLimitState). */
const RATE_LIMIT_KEY = 'pool:rate-limit';

interface LeaseRow {
  holder: string;
  session_id: string;
  agent_id: string | null;
  agent_type: string | null;
  acquired_at: number;
  last_seen_at: number | null;
}

interface PoolSessionRow {
  started: number;
  tokens_used: number;
  usage_cursor: string | null;
}

function toPoolLease(row: LeaseRow): PoolLease {
  // Leases written before migration 0030 have no last sign of life: their start is the last one known.
  const lease: PoolLease = { id: row.holder, sessionId: row.session_id, startedAt: row.acquired_at, lastSeenAt: row.last_seen_at ?? row.acquired_at };
  if (row.agent_id !== null) lease.agentId = row.agent_id;
  if (row.agent_type !== null) lease.agentType = row.agent_type;
  return lease;
}

function toPoolSession(row: PoolSessionRow): PoolSession {
  const session: PoolSession = { started: row.started, tokensUsed: row.tokens_used };
  if (row.usage_cursor !== null) {
    try {
      session.usage = JSON.parse(row.usage_cursor) as SessionUsageCursor;
    } catch {
      /* a broken cursor starts the count over from the transcript */
    }
  }
  return session;
}

/** Opens the SQLite store at `file` (see openDatabase for corruption handling and migrations). */
/**
 * Opens (or creates) the store at `file` and ingests the capture spool beside it, so every reader sees
 * what fast-path hooks spooled. `spooled` says what was ingested.
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): { store: SqliteStore; setAside?: string; spooled: IngestResult } {
  const { db, setAside } = openDatabase(file, options);
  const store = new SqliteStore(db, { maxBlobBytes: options.maxBlobBytes, retryForMs: options.retryForMs, filesDir: originalsDir(file), fileMinBytes: options.fileMinBytes });
  try {
    return { store, setAside, spooled: store.ingestSpool(dirname(file)) };
  } catch (error) {
    db.close();
    throw error;
  }
}
