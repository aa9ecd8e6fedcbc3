// @ts-check
// Runs the real Claude Code CLI (`claude -p`) against the Messages API stand-in, unattended and offline.
// Shared by the e2e tests (through tests/e2e/helpers/run-claude.ts) and `npm run demo`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMessagesApi } from './server.js';

/**
 * @typedef {import('./server.js').Script} Script
 * @typedef {import('./server.js').RecordedRequest} RecordedRequest
 */

/**
 * @typedef {object} RunClaudeOptions
 * @property {string} cwd Working directory of the session (usually a temp git repo).
 * @property {string} prompt The `-p` prompt.
 * @property {Script} script What the stand-in answers (see docs/e2e.md).
 * @property {string[]} allowedTools `--allowedTools`: pre-approved tools. Listing Grep or Glob is also what makes 2.1.197 offer those tools.
 * @property {Record<string, string | undefined>} [env] Extra environment for claude (and so for its hooks); `undefined` removes a variable.
 * @property {string[]} [extraArgs] More CLI arguments, appended after the harness's own.
 * @property {number} [timeoutMs] Kill the whole process group after this long (default 45 s, under vitest's 60 s test timeout so no run outlives its test).
 * @property {'json' | 'text' | 'stream-json'} [outputFormat] `--output-format` (default json).
 * @property {string} [home] Reuse an isolated HOME from an earlier run (e.g. to resume); by default each run gets a fresh one.
 */

/**
 * @typedef {object} SpawnOutcome
 * @property {number | null} code Exit code, or null when killed.
 * @property {NodeJS.Signals | null} signal
 * @property {boolean} timedOut
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * @typedef {SpawnOutcome & {
 *   result: Record<string, any> | null,
 *   requests: RecordedRequest[],
 *   modelRequests: RecordedRequest[],
 *   outsideRequests: RecordedRequest[],
 *   home: string,
 *   transcriptDir: string,
 *   cleanup: () => void,
 * }} ClaudeRun
 * `result` is the `--output-format json` result object (null for other formats or unparsable output); `requests` every
 * request the stand-in received, in order; `modelRequests` only POST /v1/messages; `outsideRequests` requests meant for
 * another host (should always be empty); `home` the isolated HOME (`<home>/.claude` is CLAUDE_CONFIG_DIR);
 * `transcriptDir` the session transcripts' folder; `cleanup` removes the isolated HOME (the caller owns `cwd`).
 */
/** The real Claude Code CLI pinned in devDependencies (2.1.197). */
export const CLAUDE_BIN = fileURLToPath(new URL('../../node_modules/.bin/claude', import.meta.url));
/** A model id Claude Code accepts without remapping; the stand-in answers any model. */
export const E2E_MODEL = 'claude-sonnet-4-5';
/**
 * Environment that lets Claude Code run unattended against the stand-in and never reach another host.
 * Built from scratch (only PATH and locale come from the parent), so a developer's own ANTHROPIC_* or CLAUDE_* settings,
 * or a parent Claude Code session's variables, never leak into the run.
 *
 * @param {string} apiUrl
 * @param {string} home
 * @param {Record<string, string | undefined>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
export function claudeEnv(apiUrl, home, extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = {
    PATH: process.env.PATH,
    LANG: process.env.LANG ?? 'C.UTF-8',
    SHELL: existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh',
    TMPDIR: process.env.TMPDIR,
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: 'dummy',
    // Outside hosts: whatever is not switched off below would go through the stand-in and be refused (and recorded).
    HTTPS_PROXY: apiUrl,
    HTTP_PROXY: apiUrl,
    NO_PROXY: '127.0.0.1,localhost',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    // A scripted API error should end the turn at once, not after minutes of backoff.
    CLAUDE_CODE_MAX_RETRIES: '0',
    API_TIMEOUT_MS: '30000',
    ...(process.getuid?.() === 0 ? { IS_SANDBOX: '1' } : {}),
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/** A fresh, empty HOME for one or more runs (pass it as `home`, and to `ctxkit install` as HOME/CLAUDE_CONFIG_DIR). * @returns {string}
 */
export function makeIsolatedHome() {
  return mkdtempSync(join(tmpdir(), 'ctxkit-e2e-home-'));
}
/** Claude Code's project folder name for a cwd: every character that is not a letter or digit becomes `-`.
 * @param {string} cwd
 * @returns {string}
 */
export function projectDirName(cwd) {
  return cwd.replace(/[^a-zA-Z0-9]/g, '-');
}
/**
 * Run the real `claude -p` once against a fresh Messages API stand-in, in `cwd`, with an isolated HOME.
 * Resolves when claude exits or is killed at `timeoutMs` (the whole process group, hooks included).
 *
 * @param {RunClaudeOptions} options
 * @returns {Promise<ClaudeRun>}
 */
export async function runClaude(options) {
  const api = await startMessagesApi({ script: options.script });
  const home = options.home ?? makeIsolatedHome();
  const outputFormat = options.outputFormat ?? 'json';
  const args = [
    '-p',
    options.prompt,
    '--model',
    E2E_MODEL,
    '--output-format',
    outputFormat,
    ...(outputFormat === 'stream-json' ? ['--verbose'] : []),
    '--allowedTools',
    options.allowedTools.join(','),
    ...(options.extraArgs ?? []),
  ];
  try {
    const outcome = await spawnBounded(CLAUDE_BIN, args, {
      cwd: options.cwd,
      env: claudeEnv(api.url, home, options.env),
      timeoutMs: options.timeoutMs ?? 45_000,
    });
    /** @type {Record<string, any> | null} */
    let result = null;
    if (outputFormat === 'json') {
      try {
        result = JSON.parse(outcome.stdout);
      }
      catch {
        result = null;
      }
    }
    return {
      ...outcome,
      result,
      requests: [...api.requests],
      modelRequests: api.messageRequests(),
      outsideRequests: api.outsideRequests(),
      home,
      transcriptDir: join(home, '.claude', 'projects', projectDirName(options.cwd)),
      cleanup: () => rmSync(home, { recursive: true, force: true }),
    };
  }
  finally {
    await api.close();
  }
}
/** Spawn in its own process group with stdin closed; on timeout kill the group so hooks and shells die too. *
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number}} options
 * @returns {Promise<SpawnOutcome>}
 */
function spawnBounded(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(/** @type {number} */ (child.pid));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}
/**
 * Kill a process, its process group and every descendant. Claude Code starts hooks detached (each in its own session),
 * so killing claude's group alone would leave a hanging hook running; the descendants are found through /proc
 * before anything is killed, while the parent links still hold.
 */
/** @param {number} pid */
function killTree(pid) {
  /** @type {Map<number, number>} */
  const parents = new Map();
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name))
        continue;
      try {
        // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parents.set(Number(name), ppid);
      }
      catch {
        // The process ended while we looked.
      }
    }
  }
  catch {
    // No /proc (not Linux): the process group kill below is all we can do.
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [child, parent] of parents)
      if (parent === tree[index])
        tree.push(child);
  }
  for (const target of tree) {
    for (const signalTarget of [-target, target]) {
      try {
        process.kill(signalTarget, 'SIGKILL');
      }
      catch {
        // Not a group leader, or already gone.
      }
    }
  }
}
/** The session transcripts (`*.jsonl`) directly in a run's transcript folder. *
 * @param {ClaudeRun} run
 * @returns {string[]}
 */
export function transcriptFiles(run) {
  if (!existsSync(run.transcriptDir))
    return [];
  return readdirSync(run.transcriptDir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => join(run.transcriptDir, name));
}
