import type { Discovery, HandoffSource } from '../store/store.js';

/**
 * Current git blob hash of each path the decision needs: a string, `null` when the file is gone,
 * absent from the map when it could not be checked (too large, outside reach).
 */
export type CurrentHashes = ReadonlyMap<string, string | null>;

export type Freshness =
  /** Same bytes as when it was captured (or nothing on disk it depends on). */
  | { status: 'fresh' }
  /** Injected with a line naming the sources that changed since. */
  | { status: 'partly-changed'; changed: string[] }
  /** Not injected. */
  | { status: 'stale'; reason: string };

/** The files a derived item (handoff, compaction summary) was drawn from, with their hashes then. */
export function sourcesOf(discovery: Discovery): HandoffSource[] {
  if (discovery.handoff) return discovery.handoff.sources;
  const sources = discovery.meta.sources;
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((source) => {
    const { path, contentHash } = (source ?? {}) as { path?: unknown; contentHash?: unknown };
    return typeof path === 'string' ? [{ path, contentHash: typeof contentHash === 'string' ? contentHash : undefined }] : [];
  });
}

/** The paths whose current hash must be known to decide on `discovery`. */
export function pathsToCheck(discovery: Discovery): string[] {
  if (discovery.kind === 'file') return [discovery.key];
  return sourcesOf(discovery)
    .filter((source) => source.contentHash !== undefined)
    .map((source) => source.path);
}

/**
 * Decides whether a stored item may be injected now. A file summary is injected only when the file
 * on disk still has the bytes it was drawn from. A handoff or summary is re-checked against its
 * sources: a few changed means "inject, saying which changed"; more than half changed means drop.
 */
export function decideFreshness(discovery: Discovery, hashes: CurrentHashes): Freshness {
  if (discovery.kind === 'file') {
    if (discovery.stale) return { status: 'stale', reason: 'file changed since it was read' };
    if (!hashes.has(discovery.key)) return { status: 'stale', reason: 'file could not be checked' };
    const current = hashes.get(discovery.key);
    if (current === null) return { status: 'stale', reason: 'file no longer exists' };
    if (discovery.contentHash === undefined || current !== discovery.contentHash) return { status: 'stale', reason: 'file changed since it was read' };
    return { status: 'fresh' };
  }
  const sources = sourcesOf(discovery).filter((source) => source.contentHash !== undefined && hashes.has(source.path));
  if (sources.length === 0) {
    // Without checkable sources, the store's flag (set when an Edit touched a source) is all there is.
    return discovery.stale ? { status: 'stale', reason: 'a source file was edited since' } : { status: 'fresh' };
  }
  const changed = sources.filter((source) => hashes.get(source.path) !== source.contentHash).map((source) => source.path);
  if (changed.length === 0) return { status: 'fresh' };
  if (changed.length * 2 > sources.length) return { status: 'stale', reason: `${changed.length} of ${sources.length} source files changed` };
  return { status: 'partly-changed', changed };
}
