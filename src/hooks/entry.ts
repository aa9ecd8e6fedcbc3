/**
 * The process Claude Code starts for every hook: `node dist/hooks/entry.cjs <EventName>`, the event
 * JSON on stdin. Prints at most one JSON object and always exits 0, except a deliberate block (2).
 * The build bundles this file as CommonJS (scripts/bundle-hooks.js), so no top-level await here. All
 * it does itself is install the code cache (./code-cache.ts) for the chunks everything else is in.
 */
import { join } from 'node:path';
import { codeCacheDir, installCodeCache } from './code-cache.js';

// What os.homedir() reads first (HOME, USERPROFILE on Windows), without loading node:os: no home, no cache.
const home = process.env.HOME || process.env.USERPROFILE || undefined;
// import.meta.dirname is __dirname in the bundle: no URL parsing at start-up.
const codeCache = installCodeCache(
  join(import.meta.dirname, 'chunks'),
  codeCacheDir({ env: process.env, platform: process.platform, home, nodeVersion: process.version, arch: process.arch }),
);
// Loaded after the cache is in place (a static import would be required first): it becomes a chunk.
void import('./run-entry.js').then(({ runEntry }) => runEntry(() => codeCache.save()));
