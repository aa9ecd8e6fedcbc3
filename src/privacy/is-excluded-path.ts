import { isAbsolute, relative, sep } from 'node:path';
import { matchesAnyGlob } from '../glob/glob-to-regexp.js';

/**
 * True when `path` matches one of `config.privacy.exclude`. The path is tested relative to the
 * project root (so `secrets/**` works) and, for files outside the root, as given.
 */
export function isExcludedPath(path: string, root: string, globs: readonly string[]): boolean {
  if (globs.length === 0 || path.length === 0) return false;
  const absolute = isAbsolute(path);
  const inside = absolute ? relative(root, path) : path;
  const candidates = [path.split(sep).join('/')];
  if (absolute && inside && !inside.startsWith('..') && !isAbsolute(inside)) candidates.push(inside.split(sep).join('/'));
  return candidates.some((candidate) => matchesAnyGlob(candidate.replace(/^\/+/, ''), globs) || matchesAnyGlob(candidate, globs));
}
