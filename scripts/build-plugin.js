#!/usr/bin/env node
// Writes the plugin's files (.claude-plugin/*.json, hooks/hooks.json, plugin/**) from the hook plan, package.json and
// the orchestrator templates; `--check` writes nothing and exits 1 when a committed file differs. Needs dist/
// (npm run build), because the generator it uses is TypeScript.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const { buildPluginFiles, PLUGIN_CONTENT_DIR } = await import('../dist/plugin/plugin-files.js');
const { readPluginSources } = await import('../dist/plugin/read-plugin-sources.js');

const files = buildPluginFiles(readPluginSources(root));
const wanted = new Set(files.map((file) => file.path));

/** Files under plugin/ that no longer come from a template. */
function leftovers(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .filter((path) => !wanted.has(path));
}

const differing = [];
for (const file of files) {
  const target = join(root, file.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (current === file.content) continue;
  differing.push(file.path);
  if (check) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, file.content);
  renameSync(`${target}.tmp`, target);
}
const extra = leftovers(join(root, PLUGIN_CONTENT_DIR));
if (!check) for (const path of extra) rmSync(join(root, path));

if (check) {
  if (differing.length + extra.length > 0) {
    process.stderr.write(`Plugin files out of date (run node scripts/build-plugin.js):\n${[...differing, ...extra.map((path) => `${path} (not generated any more)`)].map((path) => `  ${path}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`Plugin files up to date (${files.length}).\n`);
  }
} else {
  process.stdout.write(`Wrote ${differing.length} and removed ${extra.length} of the plugin's ${files.length} files.\n`);
}
