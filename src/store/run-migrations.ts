import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';
import { withWriteTransaction } from './write-transaction.js';

/** `PRAGMA application_id` of a ctxkit store ("ctk1"): tells our database from any other SQLite file. */
export const APPLICATION_ID = 0x63746b31;

/** The database was written by a newer ctxkit; opening it with this one could lose data. */
export class DbFromFutureError extends Error {
  override readonly name = 'DbFromFutureError';
}

/** Throws unless versions strictly increase: a reordered or duplicated step is a bug, not a data problem. */
export function assertIncreasing(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw new Error(`Migration versions must strictly increase: ${migrations[i - 1].version} (${migrations[i - 1].name}) is followed by ${migrations[i].version} (${migrations[i].name}).`);
    }
  }
}

/**
 * Brings the database to the newest version: pending steps run in one write transaction (all or
 * nothing), then `user_version` and `application_id` are set in that same transaction. Several
 * processes may race here on a new database; the loser finds the work done after taking the lock.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], options: { file?: string } = {}): number {
  assertIncreasing(migrations);
  const latest = migrations.length > 0 ? migrations[migrations.length - 1].version : 0;
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  const refuseFuture = (version: number) => {
    if (version > latest) {
      throw new DbFromFutureError(`The ctxkit store ${options.file ?? ''} has schema version ${version}, but this ctxkit knows only up to ${latest}. Upgrade ctxkit (or use the version that wrote it).`.replace('  ', ' '));
    }
  };
  const before = readVersion();
  refuseFuture(before);
  if (before === latest) return latest;
  withWriteTransaction(db, () => {
    const current = readVersion();
    refuseFuture(current);
    for (const migration of migrations) {
      if (migration.version > current) migration.up(db);
    }
    db.pragma(`user_version = ${latest}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  return latest;
}
