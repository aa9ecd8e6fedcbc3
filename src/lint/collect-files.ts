import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from '../glob/glob-to-regexp.js';

export interface FileMatcher {
  include: readonly string[];
  exclude: readonly string[];
}

/** Compiles include/exclude globs once for a whole walk. */
export function createPathFilter(matcher: FileMatcher): { isIncluded: (path: string) => boolean; isExcludedFolder: (path: string) => boolean } {
  const include = matcher.include.map(globToRegExp);
  const exclude = matcher.exclude.map(globToRegExp);
  const excluded = (path: string) => exclude.some((pattern) => pattern.test(path));
  return {
    isIncluded: (path) => include.some((pattern) => pattern.test(path)) && !excluded(path),
    // `**/node_modules/**` matches `node_modules/` itself, so whole folders are skipped without a visit.
    isExcludedFolder: (path) => excluded(`${path}/`),
  };
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Walks `start` (an absolute folder) and returns root-relative paths of the files `accept` takes.
 * File symlinks are followed (and a broken one is returned, so lint can report it); folder symlinks
 * are followed once per real folder, so a link back to a parent cannot loop. `.git` is never entered;
 * a folder that cannot be read is skipped.
 */
export function walkFiles(root: string, start: string, accept: (path: string) => boolean, skipFolder: (path: string) => boolean): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const absolute = join(folder, entry.name);
      const path = toPosix(relative(root, absolute));
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(absolute);
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch {
          isFile = true;
        }
      }
      if (isFolder) {
        if (!skipFolder(path)) stack.push(absolute);
      } else if (isFile && accept(path)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}

/** Files under `root` matching the lint globs. */
export function collectFiles(root: string, matcher: FileMatcher): string[] {
  const filter = createPathFilter(matcher);
  return walkFiles(root, root, filter.isIncluded, filter.isExcludedFolder);
}

/**
 * Files named on the command line, which replace the globs: a file is linted as given, a folder
 * contributes every `.md` file under it (excluded folders such as node_modules still skipped).
 * Returns root-relative paths and the arguments that do not exist.
 */
export function collectArgumentFiles(root: string, cwd: string, args: readonly string[], exclude: readonly string[]): { files: string[]; missing: string[] } {
  const filter = createPathFilter({ include: ['**/*.md'], exclude });
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const absolute = isAbsolute(arg) ? arg : resolve(cwd, arg);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      missing.push(arg);
      continue;
    }
    if (isFolder) {
      for (const path of walkFiles(root, absolute, filter.isIncluded, filter.isExcludedFolder)) files.add(path);
    } else {
      files.add(toPosix(relative(root, absolute)));
    }
  }
  return { files: [...files].sort(), missing };
}
