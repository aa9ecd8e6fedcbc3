// Bundles the hook entry (dist/hooks/entry.cjs, which Claude Code starts once per hook event) into one
// CommonJS module plus lazily loaded chunks, in place of tsc's dist/hooks/entry.js. Node spends a
// measurable part of a hook's life loading modules: one bundle per event path cuts the count, and
// CommonJS skips the ES module loader, which plain `node -e 0` never starts (measured with
// scripts/bench/hooks.js: about 0.1 times a bare Node start-up per hook). better-sqlite3 stays external
// (a native addon), and each event's handler stays a separate chunk loaded on demand, so an event
// that never opens the store never loads it.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const hooks = fileURLToPath(new URL('../dist/hooks/', import.meta.url));
rmSync(`${hooks}chunks`, { recursive: true, force: true });
await build({
  input: { entry: `${hooks}entry.js` },
  platform: 'node',
  external: [/^node:/, 'better-sqlite3'],
  output: { dir: hooks, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
  logLevel: 'warn',
});
// One entry only: the ES module tsc wrote is what the bundle was made from.
rmSync(`${hooks}entry.js`);
rmSync(`${hooks}entry.d.ts`, { force: true });
