/**
 * V8 code cache for the hook's chunks. Every hook is a fresh Node process, and a cold process spends
 * milliseconds compiling the same functions every time: parsing, then compiling each function the first
 * time it runs. V8 can serialize the compiled code of a script after it ran and take it back next time
 * (what Node 22 does with `module.enableCompileCache()`, which Node 20 lacks). The entry installs a
 * loader for the chunk files (content-hashed names, so a cache file can never belong to other code);
 * a chunk without a usable cache is compiled as usual and its cache written before the hook exits.
 * Any problem (no home folder, a read-only disk, a rejected cache) means plain compilation.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CodeCacheEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string | undefined;
  /** `process.version` and `process.arch`: a cache only fits the V8 that wrote it. */
  nodeVersion: string;
  arch: string;
}

/**
 * Where the cache lives: `CTXKIT_CODE_CACHE` (a folder, or `off`), else the user's cache folder
 * (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows), one subfolder per Node version.
 * Undefined when there is none.
 */
export function codeCacheDir({ env, platform, home, nodeVersion, arch }: CodeCacheEnv): string | undefined {
  const configured = env.CTXKIT_CODE_CACHE;
  if (configured !== undefined && /^(?:off|0|false|no)$/i.test(configured.trim())) return undefined;
  let base: string | undefined;
  if (configured) base = configured;
  else if (platform === 'win32') base = env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'ctxkit', 'code-cache') : undefined;
  else if (platform === 'darwin') base = home ? join(home, 'Library', 'Caches', 'ctxkit', 'code-cache') : undefined;
  else if (env.XDG_CACHE_HOME) base = join(env.XDG_CACHE_HOME, 'ctxkit', 'code-cache');
  else base = home ? join(home, '.cache', 'ctxkit', 'code-cache') : undefined;
  return base ? join(base, `${nodeVersion}-${arch}`) : undefined;
}

/** `capture-DWiT6jzN.cjs` → `capture`: the chunk a file is a version of. */
const chunkName = (file: string) => file.replace(/-[A-Za-z0-9_-]{8}\.cjs$/, '');

/** A folder someone else could write to is no place to load compiled code from. */
function isOwnFolder(dir: string): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat !== undefined && stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

interface PendingCache {
  file: string;
  script: Script;
}

export interface CodeCache {
  /** Writes the caches this process had to compile without; call after the hook's work, before exiting. */
  save(): void;
}

const noCache: CodeCache = { save() {} };

/**
 * Compiles every `.cjs` file in `chunksDir` through the cache in `cacheDir` from now on (files elsewhere
 * load as usual).
 */
export function installCodeCache(chunksDir: string, cacheDir: string | undefined): CodeCache {
  if (!cacheDir) return noCache;
  const extensions = (Module as unknown as { _extensions: Record<string, (module: NodeJS.Module, filename: string) => void> })._extensions;
  const plain = extensions['.cjs'] ?? extensions['.js'];
  const usable = isOwnFolder(cacheDir);
  const pending: PendingCache[] = [];

  extensions['.cjs'] = (module, filename) => {
    if (dirname(filename) !== chunksDir) return plain(module, filename);
    const source = readFileSync(filename, 'utf8');
    // A script of our own cannot `import()` (Node's default loader for it is experimental and warns on
    // stderr): the one chunk that loads an ES module, the opt-in Read skeleton's loader, loads plainly.
    if (/\bimport\(/.test(source)) return plain(module, filename);
    const file = join(cacheDir, basename(filename));
    let cachedData: Buffer | undefined;
    if (usable) {
      try {
        cachedData = readFileSync(file);
      } catch {
        cachedData = undefined;
      }
    }
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ file, script });
    const compiled = script.runInThisContext() as (...args: unknown[]) => void;
    compiled.call(module.exports, module.exports, createRequire(filename), module, filename, chunksDir);
  };

  return {
    save() {
      if (pending.length === 0) return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        if (!isOwnFolder(cacheDir)) return;
        const written = new Set<string>();
        for (const { file, script } of pending.splice(0)) {
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData());
          renameSync(temporary, file);
          written.add(basename(file));
        }
        // Older versions of the same chunks (an upgrade of ctxkit) go: one cache file per chunk.
        const replaced = new Set([...written].map(chunkName));
        for (const name of readdirSync(cacheDir)) {
          if (!written.has(name) && replaced.has(chunkName(name))) rmSync(join(cacheDir, name), { force: true });
        }
      } catch {
        /* a cache that cannot be written costs the next hook its compile time, nothing else */
      }
    },
  };
}
