import { gitText } from './exec-git.js';

/**
 * Root-relative paths of files added, copied, modified, renamed or changed in type in the index (what
 * the next commit changes). Deleted files are left out: there is nothing to lint.
 */
export async function getStagedFiles(topLevel: string): Promise<string[]> {
  const output = await gitText(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT'], { cwd: topLevel });
  return output.split('\0').filter(Boolean);
}
