export interface WatchOptions {
  /** Folders and files to watch (a missing file is picked up when it appears). */
  paths: string[];
  /** Quiet time after the last event before `onChange` runs: one save often fires several events. */
  debounceMs?: number;
  /** Called with the paths that changed since the last call; never runs twice at once. */
  onChange: (changed: string[]) => void | Promise<void>;
  onReady?: () => void;
  onError?: (error: unknown) => void;
  /** Watching stops, and the returned promise resolves, when this aborts. */
  signal: AbortSignal;
}

/**
 * Watches paths with chokidar (loaded only when watching) and calls `onChange` once per burst of
 * events. An exception from `onChange` goes to `onError` and watching continues.
 */
export async function watchTemplates(options: WatchOptions): Promise<void> {
  const { watch } = await import('chokidar');
  const watcher = watch(options.paths, { ignoreInitial: true, ignored: (path) => /(^|[/\\])\.[^/\\]*ctxkit-tmp$/.test(path) });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    running = running.then(async () => {
      try {
        await options.onChange(changed);
      } catch (error) {
        options.onError?.(error);
      }
    });
  };
  watcher.on('all', (_event, path) => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs ?? 100);
  });
  watcher.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  options.onReady?.();
  if (!options.signal.aborted) await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
  if (timer) clearTimeout(timer);
  await running;
  await watcher.close();
}
