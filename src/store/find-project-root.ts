import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project a CLI command works on: CLAUDE_PROJECT_DIR when Claude Code set it (a model running
 * `ctxkit show` from a subfolder), else the nearest folder upwards holding ctxkit.config.json or a
 * .ctxkit store, else `cwd` itself.
 */
export function findProjectRoot(cwd: string, env: Record<string, string | undefined>): string {
  if (env.CLAUDE_PROJECT_DIR) return env.CLAUDE_PROJECT_DIR;
  let current = resolve(cwd);
  for (;;) {
    if (existsSync(join(current, 'ctxkit.config.json')) || existsSync(join(current, '.ctxkit'))) return current;
    const parent = dirname(current);
    if (parent === current) return resolve(cwd);
    current = parent;
  }
}
