import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Thrown when the `git` binary cannot be started (not installed, not on PATH). */
export class GitNotFoundError extends Error {
  override readonly name = 'GitNotFoundError';
}

/** Thrown by `gitText` when git exits non-zero; the message is git's own stderr. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim() || 'no message'}`);
  }
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface ExecGitOptions {
  cwd: string;
  /** Bytes written to git's stdin (for `cat-file --batch`). */
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs git and collects its output. Every git call in ctxkit goes through here, so how git is found,
 * which environment it sees and how failures read is decided in one place. The environment is
 * inherited on purpose: inside a pre-commit hook, git sets GIT_INDEX_FILE (for `git commit <paths>`
 * it is a temporary index), and reading the staged content must honour it.
 */
export function execGit(args: readonly string[], options: ExecGitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      // spawn reports a missing cwd as ENOENT too; only a missing binary is GitNotFoundError.
      if (error.code === 'ENOENT' && existsSync(options.cwd)) reject(new GitNotFoundError('git was not found on PATH.'));
      else reject(error.code === 'ENOENT' ? new Error(`Cannot run git in ${options.cwd}: the folder does not exist.`) : error);
    });
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    // git may exit before reading all of stdin (e.g. a bad revision); that EPIPE is reported through the exit code.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns stdout as text; a non-zero exit throws GitCommandError. */
export async function gitText(args: readonly string[], options: ExecGitOptions): Promise<string> {
  const result = await execGit(args, options);
  if (result.code !== 0) throw new GitCommandError(args, result.code, result.stderr);
  return result.stdout.toString('utf8');
}
