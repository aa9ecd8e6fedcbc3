// @ts-check
// Type-checks the stand-in (plain JS with JSDoc) and refreshes the .d.ts files next to it, which let the TypeScript
// tests import it without allowJs. `--check` only reports whether the committed .d.ts files are stale.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist-check/messages-api-types/', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const checkOnly = process.argv.includes('--check');

// The committed .d.ts files would shadow the .js sources during the check; move them out of the way first.
const declarations = readdirSync(here).filter((name) => name.endsWith('.d.ts'));
const saved = new Map(declarations.map((name) => [name, readFileSync(`${here}${name}`, 'utf8')]));
for (const name of declarations) rmSync(`${here}${name}`);
rmSync(outDir, { recursive: true, force: true });
let stale = [];
try {
  execFileSync(process.execPath, [tsc, '-p', `${here}tsconfig.json`], { stdio: 'inherit' });
  for (const name of readdirSync(outDir).filter((file) => file.endsWith('.d.ts'))) {
    const fresh = readFileSync(`${outDir}${name}`, 'utf8');
    if (saved.get(name) !== fresh) stale.push(name);
    if (!checkOnly) saved.set(name, fresh);
  }
} finally {
  for (const [name, text] of saved) writeFileSync(`${here}${name}`, text);
}
if (checkOnly && stale.length > 0) {
  process.stderr.write(`stale declarations: ${stale.join(', ')}; run node scripts/messages-api/emit-types.js\n`);
  process.exitCode = 1;
} else if (!checkOnly) {
  process.stdout.write(`declarations written: ${[...saved.keys()].join(', ')}\n`);
}
