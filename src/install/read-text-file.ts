import { readFile } from 'node:fs/promises';

/** The file's text, or undefined when it does not exist. Other errors (permissions, a folder) are thrown. */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
