import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

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
  const isTemporary = (path: string) => /(^|[/\\])\.[^/\\]*ctxkit-tmp$/.test(path);
  // chokidar 5 given a path that does not exist next to a folder misses every change in the folder; so a
  // missing file (the config, before it is created) is watched through its parent, one level deep, alone.
  const present = options.paths.filter((path) => existsSync(path));
  const missing = options.paths.filter((path) => !existsSync(path));
  const watchers = [
    watch(present, { ignoreInitial: true, ignored: isTemporary }),
    ...missing.map((file) => watch(dirname(file), { ignoreInitial: true, depth: 0, ignored: (path: string) => path !== dirname(file) && path !== file })),
  ];
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
  for (const watcher of watchers) {
    watcher.on('all', (_event, path) => {
      pending.add(path);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, options.debounceMs ?? 100);
    });
    watcher.on('error', (error) => options.onError?.(error));
  }
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))));
  options.onReady?.();
  if (!options.signal.aborted) await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
  if (timer) clearTimeout(timer);
  await running;
  await Promise.all(watchers.map((watcher) => watcher.close()));
}
