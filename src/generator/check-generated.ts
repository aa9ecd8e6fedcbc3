import { loadValidatedConfig, type CtxkitConfig } from '../config/index.js';
import type { FileStatus } from './plan-changes.js';
import { isDirectory } from './read-template-folder.js';
import { planGenerate, resolveGenerateSettings } from './run-generate.js';

export interface GeneratedFileCheck {
  /** Root-relative path: an output file, or for `template-error` the template. */
  path: string;
  status: FileStatus | 'template-error';
  /** For `template-error`: the `line: message` of the first error. */
  message?: string;
}

/**
 * Whether the generated files under the out folder match what the templates produce now, without
 * writing anything: one entry per output (`ok`, `missing`, `stale`, `hand-edited`, `not-generated`),
 * per orphaned generated file, and per template that does not compile. A project without a templates
 * folder has nothing generated and gets an empty list.
 */
export function checkGenerated(root: string, config: CtxkitConfig = loadValidatedConfig(root), flags: { templates?: string; out?: string } = {}): GeneratedFileCheck[] {
  const settings = resolveGenerateSettings(root, config, flags);
  if (!isDirectory(settings.templatesDir)) return [];
  const plan = planGenerate(settings);
  if (plan.hasErrors) {
    const errors = plan.result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const files = [...new Set(errors.map((diagnostic) => diagnostic.file))];
    return files.map((file) => {
      const first = errors.find((diagnostic) => diagnostic.file === file);
      return { path: file, status: 'template-error' as const, message: `${first?.line}: ${first?.message}` };
    });
  }
  return plan.changes.map((change) => ({ path: plan.outLabel === '.' ? change.path : `${plan.outLabel}/${change.path}`, status: change.status }));
}
