// Bundles the hook entry (dist/hooks/entry.cjs, which Claude Code starts once per hook event) into one
// CommonJS module plus lazily loaded chunks, in place of tsc's dist/hooks/entry.js. A hook lives about
// as long as Node takes to start, and loading modules is a measurable part of it: every file costs a
// resolve, a read and a compile, so the build keeps the files an event loads few (scripts/bench/hooks.js
// and scripts/bench/inflight.js measure the result):
// - CommonJS skips the ES module loader, which plain `node -e 0` never starts;
// - each event's handler is a chunk loaded on demand, so an event that never opens the store never
//   loads better-sqlite3;
// - the capture code every tool call runs is one chunk, the PostToolUse handler with what only it uses
//   another, injection (every prompt, session start and subagent) a third, and what the store, injection
//   and capture share (token estimates, hashing, the spool) a small common one;
// - better-sqlite3's JavaScript (a dozen small files) is bundled into the store chunk, with its
//   native addon loaded from the installed package. The bundled copy is used only when the installed
//   package is the same version; otherwise the hook requires the installed package as it is.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const hooks = fileURLToPath(new URL('../dist/hooks/', import.meta.url));
const require = createRequire(import.meta.url);
const sqlitePackage = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqlitePackage, 'package.json'), 'utf8')).version;
const SHIM = '\0better-sqlite3-shim';

/** `better-sqlite3` → its JavaScript bundled, behind a check that the installed addon is the same version. */
const bundleBetterSqlite = {
  name: 'bundle-better-sqlite3',
  resolveId(source, importer) {
    if (source !== 'better-sqlite3') return null;
    return importer === SHIM ? { id: 'better-sqlite3', external: true } : SHIM;
  },
  load(id) {
    if (id !== SHIM) return null;
    return `'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
function installedVersion() {
  try {
    const manifest = createRequire(__filename).resolve('better-sqlite3/package.json');
    if (!existsSync(join(dirname(manifest), 'build', 'Release', 'better_sqlite3.node'))) return undefined;
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}
module.exports = installedVersion() === ${JSON.stringify(sqliteVersion)} ? require(${JSON.stringify(join(sqlitePackage, 'lib', 'index.js'))}) : require('better-sqlite3');
`;
  },
};

const builtFrom = (...paths) => (id) => paths.some((path) => id.replaceAll('\\', '/').endsWith(`/dist/${path}`));

rmSync(`${hooks}chunks`, { recursive: true, force: true });
await build({
  input: { entry: `${hooks}entry.js` },
  platform: 'node',
  // `bindings` is better-sqlite3's addon finder, never called: the store hands it the addon's path.
  external: [/^node:/, 'bindings'],
  plugins: [bundleBetterSqlite],
  output: {
    dir: hooks,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    codeSplitting: {
      groups: [
        // The tokenizer and BM25 serve both injection and the web-page reducer: a test log's reduction needs neither.
        { name: 'text', test: builtFrom('text/tokenize.js', 'text/bm25.js'), priority: 5 },
        // What the store and injection share with capture: small, and loaded by nearly every event.
        {
          name: 'common',
          test: builtFrom('tokens/estimate-tokens.js', 'tokens/estimate-raw-tokens.js', 'capture/sha1.js', 'capture/sha1-wasm.js', 'capture/git-blob-hash.js', 'capture/store-key.js', 'stats/usage-row.js', 'store/spool.js', 'store/seen-index.js', 'glob/glob-to-regexp.js'),
          priority: 4,
        },
        { name: 'capture', test: builtFrom('capture/capture-tool-use.js'), priority: 3 },
        { name: 'post-tool-use', test: builtFrom('hooks/handlers/post-tool-use.js'), priority: 2 },
        { name: 'injection', test: builtFrom('synthesis/hook-injection.js'), priority: 1 },
      ],
    },
  },
  logLevel: 'warn',
});
// One entry only: the ES module tsc wrote is what the bundle was made from.
rmSync(`${hooks}entry.js`);
rmSync(`${hooks}entry.d.ts`, { force: true });
