import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Project-relative forward-slash path for files inside the root; the absolute path otherwise. */
export function toStoreKey(path: string, root: string): string {
  const absolute = isAbsolute(path) ? path : resolve(root, path);
  const inside = relative(root, absolute);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
  return absolute.split(sep).join('/');
}
