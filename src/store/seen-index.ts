import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A content index kept as files: `<store>/seen/<first 2 hex>/<rest of the hash>` lists the sessions
 * (or subagents: `session/agent`) that captured those exact bytes. The rediscovery guard asks "did another session already see this
 * content?" on every Read, Grep and Glob; answering that with one file read, instead of loading
 * SQLite, keeps the common answer ("no") nearly free. A hit then opens the store for the summary.
 */
export const SEEN_DIR = 'seen';

function seenFile(storeDir: string, contentHash: string): string | undefined {
  if (!/^[0-9a-f]{6,64}$/.test(contentHash)) return undefined;
  return join(storeDir, SEEN_DIR, contentHash.slice(0, 2), contentHash.slice(2));
}

/** Who saw something: the session, or `session/agent` inside a subagent (agents do not share what they read). */
export function finderKey(sessionId: string, agentId?: string): string {
  return agentId ? `${sessionId}/${agentId}` : sessionId;
}

/** Records that a finder (see finderKey) captured content with this hash (appends; duplicates are harmless). */
export function markSeen(storeDir: string, contentHash: string, finder: string): void {
  const file = seenFile(storeDir, contentHash);
  if (!file) return;
  const line = finder.replace(/\s/g, '');
  // A session that re-reads the same bytes adds nothing: the file stays one line per finder.
  if (findersThatSaw(storeDir, contentHash).includes(line)) return;
  mkdirSync(join(file, '..'), { recursive: true });
  // One short line per append: concurrent appends of whole lines do not interleave.
  appendFileSync(file, `${line}\n`);
}

/** The finders that captured content with this hash (empty when none, or when the index is unreadable). */
export function findersThatSaw(storeDir: string, contentHash: string): string[] {
  const file = seenFile(storeDir, contentHash);
  if (!file) return [];
  try {
    return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
  } catch {
    return [];
  }
}

/** True when a finder other than `finder` (another session, or another agent) captured this content. */
export function seenElsewhere(storeDir: string, contentHash: string, finder: string): boolean {
  return findersThatSaw(storeDir, contentHash).some((other) => other !== finder);
}

/**
 * Rebuilds the index from what the store still holds (after `ctxkit forget`): the old index is removed
 * whole, so no session id of forgotten captures stays behind.
 */
export function rebuildSeenIndex(storeDir: string, entries: Iterable<{ contentHash: string; finder: string }>): void {
  rmSync(join(storeDir, SEEN_DIR), { recursive: true, force: true });
  for (const entry of entries) markSeen(storeDir, entry.contentHash, entry.finder);
}
