import { loadConfig } from '../config/load-config.js';
import { storePaths } from '../store/store-paths.js';
import type { Store } from '../store/store.js';
import { defaultSummarize, readBoundedFile, readFileSlice, type HookDeps } from './hook-deps.js';
import { isHookEventName, type HookEventName } from './hook-events.js';
import { appendHookLog, formatLogLine } from './hook-log.js';
import { finalizeOutput, type HookProcessResult } from './hook-output.js';
import { loadHandler } from './handlers/index.js';
import { makeNonBlocking, readStdin, readStdinFd, type StdinResult } from './read-stdin.js';
import { validateEvent } from './validate-event.js';

/** Claude Code hands hooks whole tool outputs; beyond this we stop buffering and let the call pass. */
export const MAX_STDIN_BYTES = 32 * 1024 * 1024;
/** Claude Code writes stdin and closes it at once; waiting longer means the pipe is stuck. */
export const STDIN_TIMEOUT_MS = 3000;
/** The whole hook ends (silently) after this, well inside the timeout the installer sets. */
export const DEFAULT_DEADLINE_MS = 8000;

export interface RunHookInput {
  /** argv event name. */
  event: string;
  /**
   * Where the event JSON comes from: a stream, or a file descriptor read without the stream modules
   * (cheaper at start-up), with the stream to fall back on where that cannot be done.
   */
  stdin: NodeJS.ReadableStream | { fd: number; stream: () => NodeJS.ReadableStream };
  env: Record<string, string | undefined>;
  /** Fallback root when neither CLAUDE_PROJECT_DIR nor the event's cwd is usable. */
  cwd: string;
  now?: () => number;
  /** Test seam: replace parts of the dependencies handlers get. */
  overrides?: Partial<Omit<HookDeps, 'root' | 'config' | 'paths'>>;
}

/**
 * Events that mostly do not open the store: most PostToolUse calls go to the capture spool. Their store
 * code (better-sqlite3 among it) loads only if a handler asks.
 */
const LAZY_STORE_EVENTS = new Set<string>(['PostToolUse']);

/** Starts a load early; a failure surfaces where the result is awaited, not as an unhandled rejection. */
function prefetch<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

const silent: HookProcessResult = { stdout: '', stderr: '', exitCode: 0 };

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Best guess at where the log goes before the config is known. */
function fallbackLog(env: Record<string, string | undefined>, cwd: string): string {
  return storePaths(env.CLAUDE_PROJECT_DIR || cwd).log;
}

/** The event's text, from whichever source the caller gave. */
async function readEvent(source: RunHookInput['stdin']): Promise<StdinResult> {
  const limits = { maxBytes: MAX_STDIN_BYTES, timeoutMs: STDIN_TIMEOUT_MS };
  if (!('stream' in source && typeof source.stream === 'function')) return readStdin(source as NodeJS.ReadableStream, limits);
  if (!makeNonBlocking(source.fd)) return readStdin(source.stream(), limits);
  const read = await readStdinFd(source.fd, limits);
  return 'prefix' in read ? readStdin(source.stream(), limits, read.prefix) : read;
}

/**
 * Runs one hook: stdin → validate → the event's handler → at most one JSON object. Fails open:
 * any problem (bad JSON, unknown event, broken config, store or handler errors) gives exit 0 and
 * no output, plus one line in the hook log. Only a handler's deliberate block exits 2.
 */
export async function runHook(input: RunHookInput): Promise<HookProcessResult> {
  const now = input.now ?? Date.now;
  const started = now();
  const isDebug = input.env.CTXKIT_DEBUG === '1';
  let logFile = fallbackLog(input.env, input.cwd);
  const log = (level: 'error' | 'debug', message: string) => appendHookLog(logFile, formatLogLine(now(), input.event, level, message));
  const debug = isDebug ? (message: string) => log('debug', message) : () => {};

  // The event is known from argv: load its handler (and the store code) while stdin is still arriving.
  const handlerModule = isHookEventName(input.event) ? prefetch(loadHandler(input.event as HookEventName)) : undefined;
  const storeModule = isHookEventName(input.event) && !LAZY_STORE_EVENTS.has(input.event) ? prefetch(import('../store/sqlite-store.js')) : undefined;

  let stdin: StdinResult;
  try {
    stdin = await readEvent(input.stdin);
  } catch (error) {
    log('error', `stdin could not be read (${errorText(error)})`);
    return silent;
  }
  if (stdin.incomplete) {
    log('error', stdin.incomplete === 'too-large' ? `stdin is larger than ${MAX_STDIN_BYTES} bytes; skipped` : `stdin not closed within ${STDIN_TIMEOUT_MS} ms; skipped`);
    return silent;
  }
  let payload: unknown;
  try {
    payload = stdin.json ? stdin.json.value : JSON.parse(stdin.text);
  } catch (error) {
    log('error', `stdin is not valid JSON (${errorText(error)})`);
    return silent;
  }
  const cwdOfEvent = typeof (payload as { cwd?: unknown })?.cwd === 'string' ? (payload as { cwd: string }).cwd : undefined;
  const root = input.env.CLAUDE_PROJECT_DIR || cwdOfEvent || input.cwd;
  logFile = storePaths(root).log;
  const validation = validateEvent(input.event, payload);
  if (!validation.ok) {
    log('error', `invalid event: ${validation.error}`);
    return silent;
  }
  const event = validation.event;
  const eventName = input.event as HookEventName;

  let store: Store | undefined;
  try {
    const config = loadConfig(root);
    const paths = storePaths(root, config.store.dir);
    logFile = paths.log;
    const deps: HookDeps = {
      root,
      env: input.env,
      config,
      paths,
      now,
      readFile: readBoundedFile,
      readFileRange: readFileSlice,
      summarize: defaultSummarize,
      debug,
      store: async () => {
        if (!store) {
          const { openSqliteStore } = await (storeModule ?? import('../store/sqlite-store.js'));
          const opened = openSqliteStore(paths.db, {
            // Lock waits stay well inside the safety deadline, so a busy store never costs a capture.
            busyTimeoutMs: 2000,
            retryForMs: 4000,
            maxBlobBytes: config.store.maxBlobMegabytes * 1024 * 1024,
            check: eventName === 'SessionStart' ? 'daily' : false,
          });
          if (opened.setAside) log('error', `the store was unreadable; moved to ${opened.setAside} and started a new one`);
          store = opened.store;
        }
        return store;
      },
      ...input.overrides,
    };
    const handler = await handlerModule!;
    const result = await handler(event, deps);
    const output = finalizeOutput(eventName, result);
    debug(`done in ${now() - started} ms, ${output.stdout.length} chars out`);
    return output;
  } catch (error) {
    log('error', errorText(error));
    if (isDebug && error instanceof Error && error.stack) log('debug', error.stack);
    return silent;
  } finally {
    try {
      await store?.close();
    } catch {
      /* closing a broken store must not turn into output */
    }
  }
}

/**
 * Ends the process quietly (exit 0, nothing printed) if the hook runs past `deadlineMs`, so Claude
 * Code never has to kill it. The timer does not keep the process alive.
 */
export function startSafetyTimer(input: { event: string; env: Record<string, string | undefined>; cwd: string }, exit: (code: number) => void): NodeJS.Timeout {
  const fromEnv = Number(input.env.CTXKIT_HOOK_TIMEOUT_MS);
  const deadline = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_DEADLINE_MS;
  const timer = setTimeout(() => {
    appendHookLog(fallbackLog(input.env, input.cwd), formatLogLine(Date.now(), input.event, 'error', `timed out after ${deadline} ms; ended without output`));
    exit(0);
  }, deadline);
  timer.unref();
  return timer;
}

export { isHookEventName };
