import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOOK_ENTRY_RELATIVE_PATH } from '../claude/ctxkit-hooks.js';

/** The running ctxkit package: where it is, its version, its hook entry and CLI. */
export interface CtxkitPackage {
  root: string;
  version: string;
  /** Absolute path of dist/hooks/entry.cjs. */
  entryFile: string;
  /** Absolute path of bin/ctxkit.js. */
  binFile: string;
}

/** Finds the package this module belongs to (src/install/ or dist/install/ sit two levels below the root). */
export function locateCtxkitPackage(root = fileURLToPath(new URL('../..', import.meta.url))): CtxkitPackage {
  const cleanRoot = root.replace(/[\\/]+$/, '');
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(join(cleanRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // A package without package.json is not something we ship; the version is only informative.
  }
  return { root: cleanRoot, version, entryFile: join(cleanRoot, HOOK_ENTRY_RELATIVE_PATH), binFile: join(cleanRoot, 'bin', 'ctxkit.js') };
}
