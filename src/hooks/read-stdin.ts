export interface StdinResult {
  text: string;
  /** Why reading stopped before the end of the stream, if it did. */
  incomplete?: 'too-large' | 'timeout';
}

/**
 * Reads a stream to its end, bounded in size and time: Claude Code closes the pipe after the JSON,
 * but a wedged parent must not hang the hook (claude-code.md §7, "Hangs"). Stops listening and
 * releases the stream when done, so the process can exit.
 */
export function readStdin(stream: NodeJS.ReadableStream & { destroy?: () => void }, options: { maxBytes: number; timeoutMs: number }): Promise<StdinResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
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
