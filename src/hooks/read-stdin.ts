import { fstatSync, readSync } from 'node:fs';

export interface StdinResult {
  text: string;
  /** The text parsed as JSON, when the reader already had to parse it (the hook need not parse it again). */
  json?: { value: unknown };
  /** Why reading stopped before the end of the stream, if it did. */
  incomplete?: 'too-large' | 'timeout';
}

/** What a synchronous read could not take: the stream is read instead (with what was read so far). */
export interface StdinPrefix {
  prefix: Buffer;
}

const CHUNK_BYTES = 64 * 1024;
/** Parsing a prefix that is not whole yet costs its length again; a few tries cover every real writer. */
const MAX_PARSE_TRIES = 4;
/** How long to wait when the writer has nothing for us yet. */
const WAIT_MS = 1;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * The writer is usually mid-way through a large event, microseconds ahead: the first waits are short
 * synchronous pauses (a timer costs a millisecond or more each time), up to this much in all; after
 * that, timers, so the hook's safety deadline can still fire.
 */
const SPIN_BUDGET_MS = 10;
const SPIN_MS = 0.05;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number) => void Atomics.wait(sleeper, 0, 0, ms);

/** True when `chunk` ends with `}` and maybe whitespace: the only way a whole event can end. */
function endsLikeObject(chunk: Buffer): boolean {
  let end = chunk.length - 1;
  while (end >= 0 && (chunk[end] === 0x0a || chunk[end] === 0x0d || chunk[end] === 0x20 || chunk[end] === 0x09)) end--;
  return end >= 0 && chunk[end] === 0x7d;
}

/** `text` with its parsed value, or undefined when it is not (yet) one whole JSON value. */
function parsed(text: string): StdinResult | undefined {
  try {
    return { text, json: { value: JSON.parse(text) } };
  } catch {
    return undefined;
  }
}

/**
 * Puts a pipe or socket descriptor in non-blocking mode the way `process.stdin` does, without creating
 * `process.stdin` (a net.Socket and the stream modules, about a twentieth of a bare Node start-up).
 * False when that is not possible here (then the caller reads the stream). Never for a terminal: the
 * mode would outlive the hook in the user's shell.
 */
export function makeNonBlocking(fd: number): boolean {
  try {
    if (process.platform === 'win32' || warnsOnBinding() || fstatSync(fd).isCharacterDevice()) return false;
    const { Pipe, constants } = (process as unknown as { binding(name: string): PipeWrap }).binding('pipe_wrap');
    const handle = new Pipe(constants.SOCKET);
    if (handle.open(fd) !== 0) return false;
    keptHandles.push(handle); // a collected handle would close the descriptor
    return true;
  } catch {
    return false;
  }
}

/** With `--pending-deprecation`, Node warns on stderr about `process.binding`: a hook prints nothing, so then streams. */
function warnsOnBinding(): boolean {
  return /--pending-deprecation\b/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
}

interface PipeWrap {
  Pipe: new (type: number) => { open(fd: number): number };
  constants: { SOCKET: number };
}
const keptHandles: unknown[] = [];

/**
 * Reads the event from a non-blocking descriptor without Node's stream machinery: to its end, or until it
 * holds one whole JSON object (Claude Code writes the event and closes the pipe, but a parent that never
 * closes it must not hold the hook: claude-code.md §7, "Hangs"), bounded in size and time. Waits between
 * reads are short pauses, then timers, so the hook's safety deadline still fires. A descriptor that cannot
 * be read this way hands what was read so far to `readStdin`.
 */
export async function readStdinFd(
  fd: number,
  options: { maxBytes: number; timeoutMs: number },
  io: { read?: typeof readSync; now?: () => number; wait?: (ms: number) => Promise<void>; pause?: (ms: number) => void } = {},
): Promise<StdinResult | StdinPrefix> {
  const { read = readSync, now = Date.now } = io;
  let spun = 0;
  const chunks: Buffer[] = [];
  let size = 0;
  let parseTries = 0;
  const deadline = now() + options.timeoutMs;
  // A new buffer only once the last one holds data: the waits below may come round hundreds of times.
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    let n: number;
    try {
      n = read(fd, buffer, 0, CHUNK_BYTES, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows pipes report their end this way
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') return { prefix: Buffer.concat(chunks, size) };
      // Nothing more for now: a whole object means the event is complete, whether or not the pipe closes.
      if (size > 0 && parseTries < MAX_PARSE_TRIES && endsLikeObject(chunks[chunks.length - 1])) {
        parseTries++;
        const whole = parsed(Buffer.concat(chunks, size).toString('utf8'));
        if (whole) return whole;
      }
      if (now() >= deadline) return { text: '', incomplete: 'timeout' };
      if (spun < SPIN_BUDGET_MS) {
        (io.pause ?? pause)(SPIN_MS);
        spun += SPIN_MS;
      } else await (io.wait ?? wait)(WAIT_MS);
      continue;
    }
    if (n === 0) break;
    size += n;
    if (size > options.maxBytes) return { text: '', incomplete: 'too-large' };
    chunks.push(buffer.subarray(0, n));
    buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  }
  return { text: Buffer.concat(chunks, size).toString('utf8') };
}

/**
 * Reads a stream to its end, bounded in size and time: Claude Code closes the pipe after the JSON,
 * but a wedged parent must not hang the hook (claude-code.md §7, "Hangs"). Stops listening and
 * releases the stream when done, so the process can exit. `prefix` is what a synchronous read already took.
 */
export function readStdin(
  stream: NodeJS.ReadableStream & { destroy?: () => void },
  options: { maxBytes: number; timeoutMs: number },
  prefix: Buffer = Buffer.alloc(0),
): Promise<StdinResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = prefix.length > 0 ? [prefix] : [];
    let size = prefix.length;
    let settled = false;
    const finish = (incomplete?: StdinResult['incomplete']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onEnd);
      if (incomplete) stream.destroy?.();
      resolve({ text: incomplete ? '' : Buffer.concat(chunks, size).toString('utf8'), incomplete });
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > options.maxBytes) return finish('too-large');
      chunks.push(buffer);
    };
    const onEnd = () => finish();
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    timer.unref?.();
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onEnd);
  });
}
