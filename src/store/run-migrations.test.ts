import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, DbFromFutureError, assertIncreasing, runMigrations } from './run-migrations.js';
import { migrations } from './migrations/index.js';

describe('runMigrations', () => {
  it('runs every step once, sets user_version and application_id', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, migrations)).toBe(migrations.at(-1)!.version);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(runMigrations(db, migrations)).toBe(migrations.at(-1)!.version);
  });

  it('refuses a database newer than the code and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 9999');
    expect(() => runMigrations(db, migrations)).toThrow(DbFromFutureError);
    expect(db.pragma('user_version', { simple: true })).toBe(9999);
  });

  it('rejects versions that do not strictly increase', () => {
    const up = () => {};
    expect(() => assertIncreasing([{ version: 10, name: 'a', up }, { version: 10, name: 'b', up }])).toThrow(/strictly increase/);
    expect(() => assertIncreasing(migrations)).not.toThrow();
  });

  it('rolls back every step when one fails', () => {
    const db = new Database(':memory:');
    const failing = [
      { version: 10, name: 'ok', up: (d: Database.Database) => d.exec('CREATE TABLE a (x)') },
      { version: 20, name: 'broken', up: () => { throw new Error('boom'); } },
    ];
    expect(() => runMigrations(db, failing)).toThrow('boom');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});
