/**
 * Runs ctxkit's hook entry the way Claude Code would (exec form: `<command> <entry> SessionStart`, the event JSON
 * on stdin), in a scratch project so the user's store is never touched. I/O only; the verdict is checks/hook-run.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HookRunFacts } from './doctor-facts.js';
import { parseHookLog } from './parse-hook-log.js';

/** Claude Code's own default would be 600 s; doctor does not wait that long for a hook that hangs. */
const MAX_WAIT_MS = 30_000;

/** Finds an executable the way a shell would: a path as given, a bare name on PATH. Resolves symlinks. */
export function resolveExecutable(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = /[\\/]/.test(command)
    ? [command]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .flatMap((dir) => (process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']).map((extension) => join(dir, command + extension)));
  for (const candidate of candidates) {
    if (!isAbsolute(candidate) || !existsSync(candidate)) continue;
    try {
      return realpathSync(candidate);
    } catch {
      return candidate;
    }
  }
  return undefined;
}

/** `process.versions.node` of a Node executable, or why it did not run. */
export function readNodeVersion(node: string, env: NodeJS.ProcessEnv): { version?: string; error?: string } {
  const result = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 10_000, env });
  if (result.error) return { error: result.error.message };
  if (result.status !== 0) return { error: (result.stderr || `exit code ${result.status}`).trim().split('\n')[0] };
  return { version: result.stdout.trim() };
}

/** One SessionStart through the entry in `scratch`, timed. */
function runOnce(node: string, entryFile: string, scratch: string, env: NodeJS.ProcessEnv, waitMs: number, skipEntries: number): HookRunFacts & { logEntries: number } {
  const payload = { session_id: 'ctxkit-doctor', transcript_path: join(scratch, 'transcript.jsonl'), cwd: scratch, hook_event_name: 'SessionStart', source: 'startup' };
  const started = performance.now();
  const result = spawnSync(node, [entryFile, 'SessionStart'], {
    cwd: scratch,
    env,
    input: `${JSON.stringify(payload)}\n`,
    encoding: 'utf8',
    timeout: waitMs,
    killSignal: 'SIGKILL',
  });
  const durationMs = Math.round(performance.now() - started);
  const log = join(scratch, '.ctxkit', 'hooks.log');
  // The scratch log accumulates over both runs; each run reads only the lines it added.
  const all = existsSync(log) ? parseHookLog(readFileSync(log, 'utf8')).entries : [];
  const entries = all.slice(skipEntries);
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    exitCode: result.status,
    durationMs,
    timedOut,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '') + (result.error && !timedOut ? result.error.message : ''),
    logErrors: entries.filter((entry) => entry.level === 'error').map((entry) => entry.message),
    completed: entries.some((entry) => entry.level === 'debug' && /^done in \d+ ms/.test(entry.message)),
    logEntries: all.length,
  };
}

function withoutCount(run: HookRunFacts & { logEntries: number }): HookRunFacts {
  const { exitCode, durationMs, timedOut, stdout, stderr, logErrors, completed } = run;
  return { exitCode, durationMs, timedOut, stdout, stderr, logErrors, completed };
}

/**
 * Runs the entry twice in a fresh scratch project (the first run creates a store there, the second finds it) and
 * removes the scratch folder. `extraEnv` carries CLAUDE_PLUGIN_ROOT for plugin hooks.
 */
export function probeHookEntry(options: { node: string; entryFile: string; env: NodeJS.ProcessEnv; timeoutSeconds?: number; extraEnv?: Record<string, string> }): HookRunFacts[] {
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'ctxkit-doctor-')));
  const env = { ...options.env, ...options.extraEnv, CLAUDE_PROJECT_DIR: scratch, CTXKIT_DEBUG: '1' };
  const waitMs = Math.min((options.timeoutSeconds ?? 600) * 1000 + 2000, MAX_WAIT_MS);
  try {
    const first = runOnce(options.node, options.entryFile, scratch, env, waitMs, 0);
    if (first.timedOut) return [withoutCount(first)];
    return [withoutCount(first), withoutCount(runOnce(options.node, options.entryFile, scratch, env, waitMs, first.logEntries))];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
