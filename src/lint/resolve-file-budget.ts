import type { CtxkitConfig } from '../config/index.js';
import { globToRegExp } from '../glob/glob-to-regexp.js';
import type { FileBudget, FileKind } from './types.js';

export type Budgets = CtxkitConfig['budgets'];

/** A budget resolver with the override globs compiled once for a whole run. */
export type BudgetResolver = (path: string, kind: FileKind) => FileBudget;

/**
 * Budgets for one file: the kind's line budget and the token and line-length budgets, then every
 * `budgets.overrides` entry whose glob matches the root-relative path, the last match winning (the
 * same order `ctxkit generate` uses).
 */
export function createBudgetResolver(budgets: Budgets): BudgetResolver {
  const overrides = budgets.overrides.map((override) => ({ ...override, pattern: globToRegExp(override.glob) }));
  return (path, kind) => {
    const budget: FileBudget = { maxLines: defaultLines(budgets, kind), maxTokens: budgets.fileTokens, lineLength: budgets.lineLength };
    for (const override of overrides) {
      if (!override.pattern.test(path)) continue;
      if (override.maxLines !== undefined) budget.maxLines = override.maxLines;
      if (override.maxTokens !== undefined) budget.maxTokens = override.maxTokens;
    }
    return budget;
  };
}

function defaultLines(budgets: Budgets, kind: FileKind): number | undefined {
  switch (kind) {
    case 'command':
      return budgets.commandLines;
    case 'agent':
      return budgets.agentLines;
    case 'context':
      return budgets.contextLines;
    case 'claude-md':
      return budgets.claudeMdLines;
    default:
      return undefined;
  }
}
