import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExistingFile } from './plan-changes.js';
import { isDirectory, listFiles } from './read-template-folder.js';

/** The out-folder subfolders generate writes to; nothing else there (settings, hooks) is ever touched. */
export const OUTPUT_FOLDERS = ['commands', 'agents', 'context'] as const;

/** The markdown files currently in the out folder's commands/, agents/ and context/ subfolders. */
export function readGeneratedOutputs(outDir: string): ExistingFile[] {
  const files: ExistingFile[] = [];
  for (const folder of OUTPUT_FOLDERS) {
    const dir = join(outDir, folder);
    if (!isDirectory(dir)) continue;
    for (const path of listFiles(dir)) {
      if (path.endsWith('.md')) files.push({ path: `${folder}/${path}`, content: readFileSync(join(dir, path), 'utf8') });
    }
  }
  return files;
}
