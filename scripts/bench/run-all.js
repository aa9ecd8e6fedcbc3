#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ one after the other (never in parallel: each measures ratios side by side
// on a two-core machine, and a neighbour would skew both sides differently). Needs `npm run build` first.
// Usage: node scripts/bench/run-all.js [name...]   e.g. `node scripts/bench/run-all.js hooks select`
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  ['hooks', 'hook start-up: capture and prompt injection vs bare node'],
  ['select', 'selection speed with 0, 10,000 and 100,000 discoveries'],
  ['inflight', 'in-flight compression: tokens seen, facts kept, hook time'],
  ['retention', 'key-fact retention of each reducer vs truncation'],
  ['lint', 'ctxkit lint vs markdownlint-cli2, and ctxkit generate, on 1,000 commands'],
  ['session-pair', 'tokens spent on rediscovery in a real Claude Code session pair'],
];

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHMARKS.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; expected one of ${BENCHMARKS.map(([name]) => name).join(', ')}.`);
  process.exit(2);
}

const failed = [];
for (const [name, what] of BENCHMARKS) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n=== ${name}: ${what} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(here, `${name}.js`)], { stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'done' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
