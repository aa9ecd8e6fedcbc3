/** The file changes an install or uninstall plans; the planners are pure, `applyFileOps` performs them. */
import { relative, sep } from 'node:path';
import { unifiedDiff } from '../text/unified-diff.js';

export type FileRole = 'settings' | 'gitignore' | 'manifest' | 'backup';

export type FileOp =
  /** Write `after` (atomically; parent folders are created). `before` undefined: the file is new. */
  | { kind: 'write'; role: FileRole; path: string; before: string | undefined; after: string }
  | { kind: 'delete'; role: FileRole; path: string; before: string }
  /** Remove a folder ctxkit created, if nothing is left in it. */
  | { kind: 'rmdir-if-empty'; path: string };

function label(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

/** Unified diffs of the user-visible changes (settings, .gitignore); ctxkit's own manifest and backups are left out. */
export function diffFileOps(ops: FileOp[], cwd: string): string {
  const parts: string[] = [];
  for (const op of ops) {
    if (op.kind === 'rmdir-if-empty' || op.role === 'manifest' || op.role === 'backup') continue;
    const name = label(op.path, cwd);
    parts.push(unifiedDiff(op.before, op.kind === 'write' ? op.after : undefined, { before: `a/${name}`, after: `b/${name}` }));
  }
  return parts.join('');
}
