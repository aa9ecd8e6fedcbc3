import { matchesAnyGlob } from '../glob/glob-to-regexp.js';
import type { GeneratorBudgets, OutputKind } from './compile-types.js';

/**
 * The line budget of one output file: the kind's default, replaced by the last `overrides` entry whose
 * glob matches the file's root-relative path (`.claude/commands/deploy.md`) or its path in the out
 * folder (`commands/deploy.md`).
 */
export function resolveBudget(kind: OutputKind, path: string, outDir: string, budgets: GeneratorBudgets): number {
  let budget = kind === 'command' ? budgets.commandLines : kind === 'agent' ? budgets.agentLines : budgets.contextLines;
  const rootPath = outDir === '' || outDir === '.' ? path : `${outDir}/${path}`;
  for (const override of budgets.overrides) {
    if (override.maxLines === undefined) continue;
    if (matchesAnyGlob(rootPath, [override.glob]) || matchesAnyGlob(path, [override.glob])) budget = override.maxLines;
  }
  return budget;
}
