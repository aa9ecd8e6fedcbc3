import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { testdir, type TestDir } from '../../helpers/testdir.js';

/**
 * A temp folder with `files`, as a git repository with one commit. Its path is the real path (no symlinks), the same
 * string Claude Code reports as `cwd` in hook payloads.
 */
export function gitRepo(files: Record<string, string>): TestDir {
  const dir = testdir(files);
  const path = realpathSync(dir.path);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: path, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return { ...dir, path, join: (...parts) => [path, ...parts].join('/') };
}
