/**
 * `ctxkit install --templates`: copies the orchestrator templates ctxkit ships (ORCHESTRATOR_TEMPLATES) into the
 * project's templates folder. A file the user already has is never overwritten unless forced: templates are meant
 * to be edited, and an edited template is the user's work.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ORCHESTRATOR_TEMPLATES } from './orchestrator-templates.js';
import { readTextFile } from './read-text-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

export type TemplateAction = 'create' | 'overwrite' | 'unchanged' | 'skip';

export interface TemplateCopy {
  /** Relative to the templates folder (`commands/orchestrate.md`). */
  path: string;
  action: TemplateAction;
}

/**
 * Decides what happens to each template: created when absent, left alone when identical, skipped when the user's
 * file differs (overwritten with `force`). Pure.
 */
export function planTemplateCopies(sources: ReadonlyArray<{ path: string; content: string }>, existing: ReadonlyMap<string, string>, force: boolean): TemplateCopy[] {
  return sources.map(({ path, content }) => {
    const current = existing.get(path);
    if (current === undefined) return { path, action: 'create' };
    if (current === content) return { path, action: 'unchanged' };
    return { path, action: force ? 'overwrite' : 'skip' };
  });
}

export interface CopyTemplatesResult {
  /** The templates folder written to (absolute). */
  templatesDir: string;
  copies: TemplateCopy[];
  dryRun: boolean;
}

/** Reads ctxkit's templates and the project's, plans, and (unless dryRun) writes atomically. */
export async function copyTemplates(options: { packageRoot: string; projectDir: string; templatesDir: string; force?: boolean; dryRun?: boolean }): Promise<CopyTemplatesResult> {
  const templatesDir = resolve(options.projectDir, options.templatesDir);
  const sourceDir = join(options.packageRoot, 'templates');
  const sources = await Promise.all(ORCHESTRATOR_TEMPLATES.map(async (path) => ({ path, content: await readFile(join(sourceDir, path), 'utf8') })));
  const existing = new Map<string, string>();
  for (const { path } of sources) {
    const text = await readTextFile(join(templatesDir, path));
    if (text !== undefined) existing.set(path, text);
  }
  const copies = planTemplateCopies(sources, existing, options.force ?? false);
  if (!options.dryRun) {
    for (const copy of copies) {
      if (copy.action !== 'create' && copy.action !== 'overwrite') continue;
      await writeFileAtomic(join(templatesDir, copy.path), sources.find((source) => source.path === copy.path)!.content);
    }
  }
  return { templatesDir, copies, dryRun: options.dryRun ?? false };
}

/** What `install --templates` prints. */
export function formatCopyTemplatesReport(result: CopyTemplatesResult, label: string): string {
  const lines: string[] = [];
  const of = (action: TemplateAction) => result.copies.filter((copy) => copy.action === action).map((copy) => copy.path);
  const verb = result.dryRun ? 'Would copy' : 'Copied';
  const written = [...of('create'), ...of('overwrite')];
  lines.push(`${verb} ${written.length} of ctxkit's ${result.copies.length} orchestrator templates into ${label}/.`);
  for (const path of of('create')) lines.push(`  ${result.dryRun ? 'would create' : 'created'}:     ${label}/${path}`);
  for (const path of of('overwrite')) lines.push(`  ${result.dryRun ? 'would overwrite' : 'overwritten'}: ${label}/${path}`);
  for (const path of of('unchanged')) lines.push(`  unchanged:   ${label}/${path}`);
  for (const path of of('skip')) lines.push(`  skipped:     ${label}/${path} (yours differs; --force overwrites it)`);
  if (!result.dryRun) {
    lines.push('', 'Next: run `ctxkit generate` to compile them into .claude/ (/orchestrate and the coordinator agents).');
    lines.push('They are yours to edit; `ctxkit uninstall` does not delete them.');
  } else {
    lines.push('', 'Dry run: nothing was written.');
  }
  return `${lines.join('\n')}\n`;
}
