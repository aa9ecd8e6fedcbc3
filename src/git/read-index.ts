import { posix } from 'node:path';
import { execGit, gitText } from './exec-git.js';

export interface IndexEntry {
  path: string;
  mode: string;
  oid: string;
}

/** Every stage-0 entry of the index (what the next commit will hold), by root-relative path. */
export async function readIndexEntries(topLevel: string): Promise<Map<string, IndexEntry>> {
  const output = await gitText(['ls-files', '--stage', '-z'], { cwd: topLevel });
  const entries = new Map<string, IndexEntry>();
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    if (stage !== '0') continue;
    const path = record.slice(tab + 1);
    entries.set(path, { path, mode, oid });
  }
  return entries;
}

/** Reads blobs by object id in one `git cat-file --batch` call; a missing object maps to undefined. */
export async function readBlobs(topLevel: string, oids: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  const blobs = new Map<string, Buffer | undefined>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const result = await execGit(['cat-file', '--batch'], { cwd: topLevel, input: `${unique.join('\n')}\n` });
  if (result.code !== 0) throw new Error(`git cat-file --batch failed: ${result.stderr.trim()}`);
  const out = result.stdout;
  let offset = 0;
  for (const oid of unique) {
    const newline = out.indexOf(0x0a, offset);
    if (newline === -1) break;
    const header = out.subarray(offset, newline).toString('utf8').split(' ');
    offset = newline + 1;
    if (header[1] === 'missing' || header.length < 3) {
      blobs.set(oid, undefined);
      continue;
    }
    const size = Number(header[2]);
    blobs.set(oid, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

export interface StagedContent {
  path: string;
  bytes?: Buffer;
  /** Why the content could not be read (a symlink leading outside the index, a missing object). */
  problem?: string;
}

const SYMLINK = '120000';
const GITLINK = '160000';

/**
 * The staged bytes of `paths` (not the work tree: what `git commit` will record). Symbolic links are
 * followed inside the index, as lint follows them on disk; submodules are skipped.
 */
export async function readStagedContent(topLevel: string, paths: readonly string[], index: Map<string, IndexEntry>): Promise<StagedContent[]> {
  const links = new Map<string, IndexEntry>();
  const resolved = new Map<string, IndexEntry | string>();
  for (const path of paths) {
    const entry = index.get(path);
    if (!entry) resolved.set(path, 'not in the index');
    else if (entry.mode === GITLINK) continue;
    else if (entry.mode === SYMLINK) links.set(path, entry);
    else resolved.set(path, entry);
  }
  if (links.size > 0) {
    const targets = await readBlobs(topLevel, [...links.values()].map((entry) => entry.oid));
    for (const [path, entry] of links) {
      resolved.set(path, followLink(path, targets.get(entry.oid)?.toString('utf8'), index));
    }
  }
  const blobs = await readBlobs(
    topLevel,
    [...resolved.values()].filter((value): value is IndexEntry => typeof value !== 'string').map((entry) => entry.oid),
  );
  return [...resolved].map(([path, value]) => {
    if (typeof value === 'string') return { path, problem: value };
    const bytes = blobs.get(value.oid);
    return bytes ? { path, bytes } : { path, problem: `object ${value.oid} is missing from the repository` };
  });
}

// One hop only: links to links are rare in command folders, and reading them would cost another git call per hop.
function followLink(path: string, link: string | undefined, index: Map<string, IndexEntry>): IndexEntry | string {
  if (link === undefined) return 'a symbolic link whose target cannot be read';
  const target = posix.normalize(posix.join(posix.dirname(path), link));
  if (link.startsWith('/') || target === '..' || target.startsWith('../')) return `a symbolic link to ${link}, outside the repository`;
  const entry = index.get(target);
  if (!entry) return `a symbolic link to ${target}, which is not in the index`;
  if (entry.mode === SYMLINK) return `a symbolic link to ${target}, which is itself a symbolic link`;
  return entry;
}
