import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../cli/errors.js';
import type { CtxkitConfig } from '../config/index.js';
import type { CompileResult, GeneratorBudgets } from './compile-types.js';
import { compileTemplates } from './compile-templates.js';
import { reportText } from './messages.js';
import { planChanges, type PlannedChange } from './plan-changes.js';
import { readGeneratedOutputs } from './read-generated-outputs.js';
import { isDirectory, readTemplateFolder } from './read-template-folder.js';
import { removeFileAndEmptyParents, writeFileAtomic } from './write-file-atomic.js';

/** Where generate reads and writes, and with what; built from ctxkit.config.json and command-line flags. */
export interface GenerateSettings {
  root: string;
  /** Absolute templates folder. */
  templatesDir: string;
  /** Absolute out folder. */
  outDir: string;
  variables: Record<string, string>;
  budgets: GeneratorBudgets;
}

export interface GeneratePlan {
  settings: GenerateSettings;
  /** The folders as shown to the user (root-relative when inside the root). */
  templatesLabel: string;
  outLabel: string;
  result: CompileResult;
  /** Empty when the templates have errors: nothing is written then. */
  changes: PlannedChange[];
  hasErrors: boolean;
}

/** A root-relative, forward-slash label for a path (absolute when it lies outside the root). */
export function pathLabel(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** Generate's settings: config values, with `--templates`/`--out` (relative to the root) taking precedence. */
export function resolveGenerateSettings(root: string, config: CtxkitConfig, flags: { templates?: string; out?: string } = {}): GenerateSettings {
  return {
    root,
    templatesDir: resolve(root, flags.templates ?? config.templates),
    outDir: resolve(root, flags.out ?? config.out),
    variables: config.variables,
    budgets: config.budgets,
  };
}

/** Reads the templates and the out folder, compiles, and plans the changes, without writing anything. */
export function planGenerate(settings: GenerateSettings, options: { force?: boolean } = {}): GeneratePlan {
  const templatesLabel = pathLabel(settings.root, settings.templatesDir);
  const outLabel = pathLabel(settings.root, settings.outDir);
  if (!isDirectory(settings.templatesDir)) throw new UserError(reportText.noTemplatesFolder(templatesLabel));
  const { templates, partials } = readTemplateFolder(settings.templatesDir);
  const result = compileTemplates({
    templates,
    partials,
    variables: settings.variables,
    budgets: settings.budgets,
    templatesDir: templatesLabel,
    outDir: outLabel,
  });
  const hasErrors = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const changes = hasErrors ? [] : planChanges(result.outputs, readGeneratedOutputs(settings.outDir), options);
  return { settings, templatesLabel, outLabel, result, changes, hasErrors };
}

/** Writes (atomically) and deletes what the plan says; blocked and unchanged files are left alone. */
export function applyPlan(plan: GeneratePlan): { written: number; deleted: number } {
  let written = 0;
  let deleted = 0;
  for (const change of plan.changes) {
    const path = join(plan.settings.outDir, change.path);
    if ((change.action === 'create' || change.action === 'update') && change.after !== undefined) {
      writeFileAtomic(path, change.after);
      written++;
    } else if (change.action === 'delete') {
      removeFileAndEmptyParents(path, plan.settings.outDir);
      deleted++;
    }
  }
  return { written, deleted };
}
