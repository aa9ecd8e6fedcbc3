import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateFile } from './compile-types.js';
import { classifyTemplate } from './compile-templates.js';

/** Every file under `dir` (recursively, forward-slash paths relative to it, sorted), skipping dot-entries. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  walk('');
  return found;
}

/** True when `path` is an existing folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a templates folder: templates to compile (every `.md` outside partials/) and partials to include. */
export function readTemplateFolder(dir: string): { templates: TemplateFile[]; partials: TemplateFile[] } {
  const templates: TemplateFile[] = [];
  const partials: TemplateFile[] = [];
  for (const path of listFiles(dir)) {
    const kind = classifyTemplate(path);
    if (kind === 'partial') partials.push({ path, content: readFileSync(join(dir, path), 'utf8') });
    else if (path.endsWith('.md')) templates.push({ path, content: readFileSync(join(dir, path), 'utf8') });
  }
  return { templates, partials };
}
