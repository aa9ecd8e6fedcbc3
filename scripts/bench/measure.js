// Shared timing for the benchmarks: whole processes, alternating with a baseline in the same run (these
// machines are shared and noisy, so only ratios measured side by side mean anything), medians.
import { spawnSync } from 'node:child_process';

/** Runs a process to completion and times it from spawn to exit. Throws when it cannot start. */
export function timeProcess(command, args, { cwd, input, env } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: env ?? process.env, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const WARM_UP_ROUNDS = 2;

/**
 * Times `runHook(round)` (which returns a timeProcess result) against a bare `node -e 0`, alternating,
 * `rounds` measured rounds after two that warm the disk and code caches. A run that exits non-zero throws:
 * a fast failure must never pass for a fast hook.
 */
export function versusBareNode(rounds, runHook) {
  const bare = [];
  const hook = [];
  let last;
  for (let round = 0; round < rounds + WARM_UP_ROUNDS; round++) {
    const b = timeProcess(process.execPath, ['-e', '0']);
    last = runHook(round);
    if (last.code !== 0) throw new Error(`hook run exited ${last.code}: ${last.stderr}`);
    if (round >= WARM_UP_ROUNDS) (bare.push(b.ms), hook.push(last.ms));
  }
  return { bareMs: median(bare), hookMs: median(hook), ratio: median(hook) / median(bare), runs: rounds + WARM_UP_ROUNDS, last };
}

/** One result line: both medians, the ratio and the goal, with `ok` or `OVER`. */
export function formatRatio(name, { bareMs, hookMs, ratio }, goal, width = 60) {
  const verdict = goal === undefined ? '' : ` (goal <= ${goal}x) ${ratio <= goal ? 'ok' : 'OVER'}`;
  return `${name.padEnd(width)} bare node ${bareMs.toFixed(1)} ms  hook ${hookMs.toFixed(1)} ms  ratio ${ratio.toFixed(2)}x${verdict}`;
}
