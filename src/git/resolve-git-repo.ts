import { execGit } from './exec-git.js';

export interface GitRepo {
  /** Absolute path of the work tree's top level. */
  topLevel: string;
  /** Absolute path of the git directory (`.git`, or a worktree's git dir). */
  gitDir: string;
}

/**
 * Finds the repository `cwd` is in, or undefined when it is not inside a work tree. Throws
 * GitNotFoundError when git itself is missing.
 */
export async function resolveGitRepo(cwd: string, env?: NodeJS.ProcessEnv): Promise<GitRepo | undefined> {
  const result = await execGit(['rev-parse', '--show-toplevel', '--absolute-git-dir'], { cwd, env });
  if (result.code !== 0) return undefined;
  const [topLevel, gitDir] = result.stdout.toString('utf8').split('\n');
  if (!topLevel || !gitDir) return undefined;
  return { topLevel, gitDir };
}
