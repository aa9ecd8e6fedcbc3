import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { execGit, GitNotFoundError } from './exec-git.js';
import { insertHookBlock, removeHookBlock, renderHookBody, SKIP_VARIABLE } from './pre-commit-block.js';
import { resolveGitRepo, type GitRepo } from './resolve-git-repo.js';

export interface GitHookResult {
  status: 'installed' | 'updated' | 'unchanged' | 'removed' | 'not-installed' | 'skipped';
  /** The hook file written or examined. */
  path?: string;
  message: string;
}

export interface InstallPreCommitOptions {
  cwd: string;
  /** argv that runs ctxkit, e.g. ['node', '/abs/bin/ctxkit.js']; the hook calls exactly this. */
  command: string[];
  /** Environment to read CTXKIT_SKIP_HOOKS from and to run git with (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface UninstallPreCommitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Adds `ctxkit lint --staged` (and `ctxkit generate --check` when templates are staged) to the
 * repository's pre-commit hook: the file git actually runs (core.hooksPath respected; with husky, its
 * `.husky/pre-commit`), inside marker lines and next to whatever the hook already does. Never throws
 * for a missing repository or git: it returns `skipped` with the reason, so installs in CI or Docker
 * keep working.
 */
export async function installPreCommit(options: InstallPreCommitOptions): Promise<GitHookResult> {
  const env = options.env ?? process.env;
  if (env[SKIP_VARIABLE] === '1') return { status: 'skipped', message: `${SKIP_VARIABLE}=1 is set; the git pre-commit hook was not installed.` };
  const located = await locateHookFile(options.cwd, env);
  if ('skipped' in located) return located.skipped;
  const { path } = located;
  const existing = readIfExists(path);
  const body = renderHookBody({ command: options.command, templatesDir: readTemplatesDir(located.repo.topLevel) });
  const mode = existing === undefined ? 0o755 : statSync(path).mode & 0o7777;
  // git skips a hook file without execute bits ("hook was ignored"); husky's user files are run with sh instead.
  const madeExecutable = existing !== undefined && located.runsDirectly && (mode & 0o111) === 0;
  const next = insertHookBlock(existing, body, { madeExecutable });
  if (existing === next) return { status: 'unchanged', path, message: `The ctxkit pre-commit hook in ${path} is up to date.` };
  writeAtomic(path, next, madeExecutable ? mode | ((mode & 0o444) >> 2) : mode);
  const wasInstalled = existing !== undefined && removeHookBlock(existing) !== undefined;
  const executableNote = madeExecutable ? ' It was not executable, so git ignored it; ctxkit made it executable, which also runs its existing lines.' : '';
  return wasInstalled
    ? { status: 'updated', path, message: `Updated the ctxkit block in ${path}.` }
    : {
        status: 'installed',
        path,
        message:
          existing === undefined
            ? `Created ${path}: commits now run ctxkit lint --staged (skip once with ${SKIP_VARIABLE}=1).`
            : `Added ctxkit lint --staged to the existing ${path}, after its own lines (skip once with ${SKIP_VARIABLE}=1).${executableNote}`,
      };
}

/** Removes ctxkit's block from the pre-commit hook, and the file too if ctxkit created it and nothing else is left. */
export async function uninstallPreCommit(options: UninstallPreCommitOptions): Promise<GitHookResult> {
  const env = options.env ?? process.env;
  const located = await locateHookFile(options.cwd, env);
  if ('skipped' in located) return located.skipped;
  const { path } = located;
  const existing = readIfExists(path);
  const removed = existing === undefined ? undefined : removeHookBlock(existing);
  if (!removed) return { status: 'not-installed', path, message: `No ctxkit block in ${path}; nothing to remove.` };
  if (removed.isEmpty) {
    rmSync(path, { force: true });
    return { status: 'removed', path, message: `Removed ${path} (ctxkit created it and nothing else was in it).` };
  }
  const mode = statSync(path).mode & 0o7777;
  writeAtomic(path, removed.text, removed.madeExecutable ? mode & ~0o111 : mode);
  return { status: 'removed', path, message: `Removed the ctxkit block from ${path}; its other lines are unchanged.` };
}

/** `runsDirectly`: git executes the file itself (so it needs execute bits), unlike husky's user files. */
type Located = { path: string; repo: GitRepo; runsDirectly: boolean } | { skipped: GitHookResult };

/** The pre-commit file git will run for the repository at `cwd`. */
async function locateHookFile(cwd: string, env: NodeJS.ProcessEnv): Promise<Located> {
  let repo: GitRepo | undefined;
  try {
    repo = await resolveGitRepo(cwd, env);
  } catch (error) {
    if (error instanceof GitNotFoundError) return { skipped: { status: 'skipped', message: 'git was not found on PATH; no git hook was touched.' } };
    throw error;
  }
  if (!repo) return { skipped: { status: 'skipped', message: `${cwd} is not inside a git repository; no git hook was touched.` } };
  const configured = await execGit(['config', '--get', 'core.hooksPath'], { cwd: repo.topLevel, env });
  const hooksPath = configured.code === 0 ? configured.stdout.toString('utf8').trim() : '';
  let folder: string;
  let runsDirectly = true;
  if (hooksPath) {
    folder = isAbsolute(hooksPath) ? hooksPath : resolve(repo.topLevel, hooksPath.replace(/^~(?=\/)/, env.HOME ?? '~'));
    // husky 9 points core.hooksPath at .husky/_, whose generated stubs run the user's .husky/<hook>;
    // that user file is the one to edit (the stubs are rewritten by husky on every install).
    if (basename(folder) === '_' && (existsSync(join(folder, 'h')) || basename(dirname(folder)) === '.husky')) {
      folder = dirname(folder);
      runsDirectly = false;
    }
  } else {
    const hooks = (await execGit(['rev-parse', '--git-path', 'hooks'], { cwd: repo.topLevel, env })).stdout.toString('utf8').trim();
    folder = resolve(repo.topLevel, hooks || join(repo.gitDir, 'hooks'));
  }
  return { path: join(folder, 'pre-commit'), repo, runsDirectly };
}

function readTemplatesDir(root: string): string {
  try {
    return loadConfig(root).templates;
  } catch {
    // A broken config is reported by `ctxkit lint` itself when the hook runs.
    return 'templates';
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writeAtomic(path: string, text: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.ctxkit-${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, path);
}
