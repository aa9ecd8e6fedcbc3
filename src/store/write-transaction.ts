import type { Database } from 'better-sqlite3';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** True for SQLITE_BUSY and SQLITE_LOCKED (and their extended codes). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT`. IMMEDIATE takes the write lock up front, so a
 * transaction never has to upgrade from read to write halfway (in WAL mode that upgrade fails with
 * SQLITE_BUSY at once, without waiting for the busy timeout). Parallel hooks may still find the
 * lock taken beyond the busy timeout; then we back off with jitter and retry until `deadlineMs`.
 */
export function withWriteTransaction<T>(db: Database, fn: () => T, options: { retryForMs?: number } = {}): T {
  const deadline = Date.now() + (options.retryForMs ?? 10_000);
  for (let attempt = 0; ; attempt++) {
    try {
      db.exec('BEGIN IMMEDIATE');
      break;
    } catch (error) {
      if (!isBusyError(error) || Date.now() >= deadline) throw error;
      sleepSync(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) + Math.random() * 10);
    }
  }
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
