// Bundles the hook entry (dist/hooks/entry.js, which Claude Code starts once per hook event) into one
// module plus lazily loaded chunks, replacing tsc's output of that one file. Node spends a measurable
// part of a hook's life resolving and loading dozens of small ES modules; one bundle per event path
// cuts that. better-sqlite3 stays external (a native addon), and each event's handler stays a
// separate chunk loaded by dynamic import, so an event that never opens the store never loads it.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const hooks = fileURLToPath(new URL('../dist/hooks/', import.meta.url));
rmSync(`${hooks}chunks`, { recursive: true, force: true });
await build({
  input: { entry: `${hooks}entry.js` },
  platform: 'node',
  external: [/^node:/, 'better-sqlite3'],
  output: { dir: hooks, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  logLevel: 'warn',
});
