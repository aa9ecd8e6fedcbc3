import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { APPLICATION_ID, DbFromFutureError, runMigrations } from './run-migrations.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface OpenDatabaseOptions {
  /**
   * Run `PRAGMA quick_check`, which reads the whole file: `true` always, `'daily'` at most once a day
   * (remembered in the store; SessionStart uses this), otherwise never.
   */
  check?: boolean | 'daily';
  /** How long SQLite waits for a lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** For the set-aside file name. */
  now?: () => number;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Where an unreadable or foreign file was moved before a fresh store was created. */
  setAside?: string;
}

/** Why a file at the store path cannot be used as our store. */
type Unusable = { reason: string; ino?: number };

/** What the first bytes of the file say: its inode (to move only this file aside later) and whether it is in WAL mode. */
interface Header {
  ino: number;
  /** File format bytes 18 and 19 are 2 once `journal_mode = WAL` was set: the mode is kept in the file. */
  wal: boolean;
}

function inspectHeader(file: string): Unusable | Header | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const bytes = Buffer.alloc(20);
    const read = readSync(fd, bytes, 0, 20, 0);
    const { ino } = fstatSync(fd);
    // An empty file is a store another process is creating right now.
    if (read < 16) return { ino, wal: false };
    if (bytes.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { reason: 'not a SQLite database', ino };
    return { ino, wal: read === 20 && bytes[18] === 2 && bytes[19] === 2 };
  } finally {
    closeSync(fd);
  }
}

/** Moves an unusable database (and its WAL) aside; never deletes what a user might want back. */
function setAside(file: string, now: number, expectedIno?: number): string | undefined {
  const target = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    // Another hook may have replaced the file already; then it is a fresh store, not ours to move.
    if (expectedIno !== undefined && statSync(file).ino !== expectedIno) return undefined;
    renameSync(file, target);
  } catch {
    return undefined;
  }
  try {
    renameSync(`${file}-wal`, `${target}-wal`);
  } catch {
    /* no WAL */
  }
  try {
    unlinkSync(`${file}-shm`);
  } catch {
    /* no shared-memory file */
  }
  return target;
}

/**
 * The compiled addon's path, handed to better-sqlite3 directly: its default lookup loads the
 * `bindings` package, which probes a dozen paths on every hook start.
 */
function nativeBinding(): string | undefined {
  try {
    // The package's own file, as the hook bundle's version check resolves it too (Node caches the lookup).
    const addon = join(dirname(createRequire(import.meta.filename).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}

function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

/** The busy timeout is the constructor's `timeout`; these are the rest. */
function configure(db: Database.Database, isWal: boolean): void {
  // Setting the mode takes a lock even when it is already WAL; every hook opens the store, so skip it then.
  if (!isWal) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

/**
 * Reads the identity of an opened file: ours, brand new (no tables yet), or someone else's. Both reads
 * come from one snapshot: another process may be creating the store right now, and an `application_id`
 * read before its migration commits beside a table count read after it would look like a foreign database.
 */
function identify(db: Database.Database): 'ours' | 'new' | 'foreign' {
  return db.transaction(() => {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === APPLICATION_ID) return 'ours';
    if (applicationId !== 0) return 'foreign';
    const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
    return tables.n === 0 ? 'new' : 'foreign';
  })();
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isCheckDue(db: Database.Database, now: number): boolean {
  try {
    const last = db.prepare("SELECT value FROM state WHERE key = 'integrity:checked-at'").pluck().get() as string | undefined;
    return last === undefined || now - Number(last) >= DAY_MS;
  } catch {
    return true;
  }
}

function tryOpen(file: string, options: Required<Pick<OpenDatabaseOptions, 'busyTimeoutMs'>> & OpenDatabaseOptions): { db: Database.Database } | Unusable {
  const header = inspectHeader(file);
  if (header && 'reason' in header) return header;
  const ino = header?.ino;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs, nativeBinding: nativeBinding() });
    configure(db, header?.wal ?? false);
    const identity = identify(db);
    if (identity === 'foreign') {
      db.close();
      return { reason: 'a SQLite database that is not a ctxkit store', ino };
    }
    const now = (options.now ?? Date.now)();
    const checked = Boolean(options.check) && (options.check === true || identity === 'new' || isCheckDue(db, now));
    if (checked) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') {
        db.close();
        return { reason: `failed its integrity check (${String(result)})`, ino };
      }
    }
    runMigrations(db, migrations, { file });
    if (checked && options.check === 'daily') db.prepare("INSERT INTO state (key, value) VALUES ('integrity:checked-at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(now));
    return { db };
  } catch (error) {
    db?.close();
    if (isCorruptionError(error)) return { reason: (error as Error).message, ino };
    throw error;
  }
}

/**
 * Opens (creating if needed) the SQLite store at `file`: WAL, busy timeout, schema migrated. A file
 * that is not a ctxkit store (garbage bytes, a foreign database, a failed quick_check) is renamed to
 * `<file>.corrupt-<time>` and a fresh store takes its place; the result names the moved file.
 * A store written by a newer ctxkit is refused with DbFromFutureError and left untouched.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const settings = { busyTimeoutMs: 5000, ...options };
  const now = options.now ?? Date.now;
  mkdirSync(dirname(file), { recursive: true });
  const first = tryOpen(file, settings);
  if ('db' in first) return { db: first.db };
  const movedTo = setAside(file, now(), first.ino);
  const second = tryOpen(file, settings);
  if ('db' in second) return { db: second.db, setAside: movedTo };
  throw new Error(`Cannot open the ctxkit store ${file}: ${second.reason}.`);
}

export { DbFromFutureError };
