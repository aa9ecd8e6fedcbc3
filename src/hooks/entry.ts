/**
 * The process Claude Code starts for every hook: `node dist/hooks/entry.cjs <EventName>`, the event
 * JSON on stdin. Prints at most one JSON object and always exits 0, except a deliberate block (2).
 * The build bundles this file as CommonJS (scripts/bundle-hooks.js), so no top-level await here. All
 * it does itself is install the code cache (./code-cache.ts) for the chunks everything else is in.
 */
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { codeCacheDir, installCodeCache } from './code-cache.js';

const home = (() => {
  try {
    return homedir();
  } catch {
    return undefined;
  }
})();
const codeCache = installCodeCache(
  fileURLToPath(new URL('./chunks', import.meta.url)),
  codeCacheDir({ env: process.env, platform: process.platform, home, nodeVersion: process.version, arch: process.arch }),
);
// Loaded after the cache is in place (a static import would be required first): it becomes a chunk.
void import('./run-entry.js').then(({ runEntry }) => runEntry(() => codeCache.save()));
