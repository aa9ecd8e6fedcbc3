/** Reads what the plugin is built from: package.json and the orchestrator templates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateFile } from '../generator/compile-types.js';
import { ORCHESTRATOR_TEMPLATES } from '../install/orchestrator-templates.js';
import type { PackageInfo } from './plugin-files.js';

/** package.json and the orchestrator templates of a ctxkit checkout or package at `root`. */
export function readPluginSources(root: string): { pkg: PackageInfo; templates: TemplateFile[]; partials: TemplateFile[] } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageInfo;
  const files = ORCHESTRATOR_TEMPLATES.map((path) => ({ path, content: readFileSync(join(root, 'templates', path), 'utf8') }));
  return {
    pkg,
    templates: files.filter((file) => !file.path.startsWith('partials/')),
    partials: files.filter((file) => file.path.startsWith('partials/')),
  };
}
