import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryInput } from './store.js';

/**
 * The capture spool: a folder of one-record JSON files that a hook writes instead of opening SQLite.
 * Loading better-sqlite3 and opening the database costs about as much as starting Node again, and
 * most PostToolUse calls only need to *add* a discovery, so they drop a file here (write + rename: a
 * reader never sees half a record), and every opening of the store ingests the folder first, in one
 * transaction (SqliteStore.ingestSpool). Ingesting twice is harmless: discoveries are unique per tool call.
 */
export const SPOOL_DIR = 'spool';

const RECORD_FILE = /^\d{13}-[0-9a-z]+-[0-9a-z]+\.json$/;

export function spoolPath(storeDir: string): string {
  return join(storeDir, SPOOL_DIR);
}

/** Writes one discovery to the spool; returns the file name. Throws when the folder cannot be written. */
export function spoolDiscovery(storeDir: string, input: DiscoveryInput, now: number = Date.now()): string {
  const dir = spoolPath(storeDir);
  mkdirSync(dir, { recursive: true });
  const name = `${String(now).padStart(13, '0')}-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}.json`;
  const temporary = join(dir, `.${name}.tmp`);
  writeFileSync(temporary, JSON.stringify(input));
  renameSync(temporary, join(dir, name));
  return name;
}

export interface IngestResult {
  ingested: number;
  /** Files that were not valid records: moved aside as `*.bad` so they are looked at, not retried forever. */
  rejected: number;
}

export interface SpooledRecord {
  file: string;
  input: DiscoveryInput;
}

/**
 * The spooled discoveries, oldest first (at most `limit`); files that are not valid records are set
 * aside on the way. Another process may be reading the same files: one that vanished was ingested there.
 */
export function readSpool(storeDir: string, limit = 5000): { records: SpooledRecord[]; rejected: number } {
  const dir = spoolPath(storeDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => RECORD_FILE.test(name)).sort().slice(0, limit);
  } catch {
    return { records: [], rejected: 0 };
  }
  const records: SpooledRecord[] = [];
  let rejected = 0;
  for (const name of names) {
    const file = join(dir, name);
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      input = undefined;
    }
    if (isDiscoveryInput(input)) {
      records.push({ file, input });
    } else {
      renameAside(file);
      rejected++;
    }
  }
  return { records, rejected };
}

/** Deletes spool files once their records are committed to the store. */
export function removeSpooled(records: readonly SpooledRecord[]): void {
  for (const record of records) rmSync(record.file, { force: true });
}

function renameAside(file: string): void {
  try {
    renameSync(file, `${file}.bad`);
  } catch {
    // Another process moved it first.
  }
}

function isDiscoveryInput(value: unknown): value is DiscoveryInput {
  const input = value as Partial<DiscoveryInput> | null;
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof input.kind === 'string' &&
    typeof input.key === 'string' &&
    typeof input.sessionId === 'string' &&
    typeof input.createdAt === 'number' &&
    typeof input.summary === 'string'
  );
}
