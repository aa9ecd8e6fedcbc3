import { writeSync } from 'node:fs';

/**
 * Writes all of `text` to file descriptor `fd` synchronously, then calls `done`: a hook's one JSON
 * object goes out without creating `process.stdout` (a net.Socket on Claude Code's pipe, and its stream
 * modules, cost a hook more than the write). A non-blocking descriptor that is full (EAGAIN) hands the
 * rest to `fallback`, a stream that waits for room.
 */
export function writeFd(
  fd: number,
  text: string,
  fallback: () => NodeJS.WritableStream,
  done: () => void,
  write: typeof writeSync = writeSync,
): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += write(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw error;
      fallback().write(bytes.subarray(offset), () => done());
      return;
    }
  }
  done();
}
