import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import type { CtxkitConfig } from '../config/defaults.js';
import { summarizeText, type Summarize } from '../capture/summarize-text.js';
import type { Store } from '../store/store.js';

/**
 * Everything a handler may touch, passed in so handlers are testable functions of (event, deps).
 * Nothing here opens the store or loads a heavy module until a handler asks for it.
 */
export interface HookDeps {
  /** Project root: CLAUDE_PROJECT_DIR, or the event's cwd. */
  root: string;
  env: Record<string, string | undefined>;
  config: CtxkitConfig;
  paths: { dir: string; db: string; log: string };
  now: () => number;
  /** Opens the store on first call (lazy import of better-sqlite3); run-hook closes it. */
  store: () => Promise<Store>;
  /** Reads at most `maxBytes` of a file; undefined when missing, unreadable or larger. */
  readFile: (path: string, maxBytes: number) => Buffer | undefined;
  /** Reads up to `maxBytes` starting at `offset` (for transcripts); undefined when unreadable. */
  readFileRange: (path: string, offset: number, maxBytes: number) => { bytes: Buffer; size: number } | undefined;
  /** What the store keeps of a raw output; the default is head+tail. Swap for src/compress reducers. */
  summarize: Summarize;
  /** Writes to the hook log only with CTXKIT_DEBUG=1. */
  debug: (message: string) => void;
}

/** Reads a whole file if it is no larger than `maxBytes`. */
export function readBoundedFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size, isFile } = (() => {
      const stat = fstatSync(fd);
      return { size: stat.size, isFile: stat.isFile() };
    })();
    if (!isFile || size > maxBytes) return undefined;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a slice of a file that may be growing (a transcript). */
export function readFileSlice(path: string, offset: number, maxBytes: number): { bytes: Buffer; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.max(0, Math.min(maxBytes, size - offset));
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), size };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export const defaultSummarize: Summarize = summarizeText;
