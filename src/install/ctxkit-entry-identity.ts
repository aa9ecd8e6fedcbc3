import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { entryPackageRoot, looksLikeCtxkitEntryPath } from '../claude/ctxkit-hooks.js';
import type { IsCtxkitEntry } from '../claude/settings/find-ctxkit-handlers.js';

/**
 * Builds the test "is this hook entry ctxkit's?" for handlers that have ctxkit's form (node + .../dist/hooks/entry.cjs
 * + event): a path ctxkit wrote before (`known`), a path that names ctxkit, or a package root whose package.json
 * says `"name": "ctxkit"` (a checkout in a folder of another name, a versioned plugin cache).
 */
export function makeIsCtxkitEntry(options: { projectDir: string; pluginRoot?: string; known?: Iterable<string> }): IsCtxkitEntry {
  const known = new Set(options.known ?? []);
  const names = new Map<string, string | undefined>();
  const packageName = (root: string): string | undefined => {
    if (!names.has(root)) {
      let name: string | undefined;
      try {
        name = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string }).name;
      } catch {
        name = undefined;
      }
      names.set(root, name);
    }
    return names.get(root);
  };
  return (entryPath) => {
    if (known.has(entryPath) || looksLikeCtxkitEntryPath(entryPath)) return true;
    let resolved = entryPath.replaceAll('${CLAUDE_PROJECT_DIR}', options.projectDir);
    if (options.pluginRoot) resolved = resolved.replaceAll('${CLAUDE_PLUGIN_ROOT}', options.pluginRoot);
    if (!isAbsolute(resolved)) return false;
    return packageName(entryPackageRoot(resolved)) === 'ctxkit';
  };
}
