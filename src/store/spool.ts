import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryInput, Store } from './store.js';

/**
 * The capture spool: a folder of one-record JSON files that a hook writes instead of opening SQLite.
 * Loading better-sqlite3 and opening the database costs about as much as starting Node again, and
 * most PostToolUse calls only need to *add* a discovery, so they drop a file here (write + rename: a
 * reader never sees half a record) and the next hook or command that opens the store anyway ingests
 * the folder in one transaction. Ingesting twice is harmless: discoveries are unique per tool call.
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

/**
 * Moves every spooled discovery into the store, oldest first, then deletes the files. Another process
 * ingesting at the same time may record the same file too; the store keeps one row per tool call.
 */
export async function ingestSpool(store: Store, storeDir: string, limit = 5000): Promise<IngestResult> {
  const dir = spoolPath(storeDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => RECORD_FILE.test(name)).sort().slice(0, limit);
  } catch {
    return { ingested: 0, rejected: 0 };
  }
  let ingested = 0;
  let rejected = 0;
  for (const name of names) {
    const file = join(dir, name);
    let input: DiscoveryInput;
    try {
      input = JSON.parse(readFileSync(file, 'utf8')) as DiscoveryInput;
    } catch (error) {
      // Gone: another process ingested it first. Unparsable: set aside.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      renameAside(file);
      rejected++;
      continue;
    }
    if (!isDiscoveryInput(input)) {
      renameAside(file);
      rejected++;
      continue;
    }
    await store.record(input);
    rmSync(file, { force: true });
    ingested++;
  }
  return { ingested, rejected };
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
