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
export function claudeEnv(apiUrl: string, home: string, extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
/** A fresh, empty HOME for one or more runs (pass it as `home`, and to `ctxkit install` as HOME/CLAUDE_CONFIG_DIR). * @returns {string}
 */
export function makeIsolatedHome(): string;
/** Claude Code's project folder name for a cwd: every character that is not a letter or digit becomes `-`.
 * @param {string} cwd
 * @returns {string}
 */
export function projectDirName(cwd: string): string;
/**
 * Run the real `claude -p` once against a fresh Messages API stand-in, in `cwd`, with an isolated HOME.
 * Resolves when claude exits or is killed at `timeoutMs` (the whole process group, hooks included).
 *
 * @param {RunClaudeOptions} options
 * @returns {Promise<ClaudeRun>}
 */
export function runClaude(options: RunClaudeOptions): Promise<ClaudeRun>;
/** The session transcripts (`*.jsonl`) directly in a run's transcript folder. *
 * @param {ClaudeRun} run
 * @returns {string[]}
 */
export function transcriptFiles(run: ClaudeRun): string[];
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
export const CLAUDE_BIN: string;
/** A model id Claude Code accepts without remapping; the stand-in answers any model. */
export const E2E_MODEL: "claude-sonnet-4-5";
export type Script = import("./server.js").Script;
export type RecordedRequest = import("./server.js").RecordedRequest;
export type RunClaudeOptions = {
    /**
     * Working directory of the session (usually a temp git repo).
     */
    cwd: string;
    /**
     * The `-p` prompt.
     */
    prompt: string;
    /**
     * What the stand-in answers (see docs/e2e.md).
     */
    script: Script;
    /**
     * `--allowedTools`: pre-approved tools. Listing Grep or Glob is also what makes 2.1.197 offer those tools.
     */
    allowedTools: string[];
    /**
     * Extra environment for claude (and so for its hooks); `undefined` removes a variable.
     */
    env?: Record<string, string | undefined> | undefined;
    /**
     * More CLI arguments, appended after the harness's own.
     */
    extraArgs?: string[] | undefined;
    /**
     * Kill the whole process group after this long (default 45 s, under vitest's 60 s test timeout so no run outlives its test).
     */
    timeoutMs?: number | undefined;
    /**
     * `--output-format` (default json).
     */
    outputFormat?: "text" | "json" | "stream-json" | undefined;
    /**
     * Reuse an isolated HOME from an earlier run (e.g. to resume); by default each run gets a fresh one.
     */
    home?: string | undefined;
};
export type SpawnOutcome = {
    /**
     * Exit code, or null when killed.
     */
    code: number | null;
    signal: NodeJS.Signals | null;
    timedOut: boolean;
    stdout: string;
    stderr: string;
};
/**
 * `result` is the `--output-format json` result object (null for other formats or unparsable output); `requests` every
 * request the stand-in received, in order; `modelRequests` only POST /v1/messages; `outsideRequests` requests meant for
 * another host (should always be empty); `home` the isolated HOME (`<home>/.claude` is CLAUDE_CONFIG_DIR);
 * `transcriptDir` the session transcripts' folder; `cleanup` removes the isolated HOME (the caller owns `cwd`).
 */
export type ClaudeRun = SpawnOutcome & {
    result: Record<string, any> | null;
    requests: RecordedRequest[];
    modelRequests: RecordedRequest[];
    outsideRequests: RecordedRequest[];
    home: string;
    transcriptDir: string;
    cleanup: () => void;
};
