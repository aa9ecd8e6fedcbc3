import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a reader (Claude Code
 * watches its settings files) never sees half a file. The target's permission bits are kept.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = join(folder, `.${basename(path)}.ctxkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    // writeFile's mode is filtered by the umask; chmod sets the bits the old file had.
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
