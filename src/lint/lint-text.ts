import { defaultConfig, type CtxkitConfig } from '../config/index.js';
import { createDocument } from './create-document.js';
import { lintDocument } from './lint-document.js';
import { createBudgetResolver } from './resolve-file-budget.js';
import { rules as allRules } from './rules/index.js';
import type { Finding, LintRule } from './types.js';

export interface LintTextInput {
  /** Root-relative path; it decides the file's kind (`.claude/commands/x.md` is a command). */
  path: string;
  text: string;
  /** Rules to run (default: all). */
  rules?: readonly LintRule[];
  budgets?: Partial<CtxkitConfig['budgets']>;
  severities?: CtxkitConfig['lint']['rules'];
  /** Which root-relative paths exist (default: none). */
  exists?: (path: string) => boolean;
  /** What `ctxkit generate --check` reports per path (default: nothing known). */
  generatedStatus?: (path: string) => string | undefined;
}

/** Lints one file's text without touching the file system: the library entry point, and how rules are tested. */
export function lintText(input: LintTextInput): Finding[] {
  const budgets = { ...defaultConfig.budgets, ...input.budgets };
  const doc = createDocument({ path: input.path, text: input.text });
  return lintDocument(doc, {
    rules: input.rules ?? allRules,
    severities: input.severities,
    budget: createBudgetResolver(budgets)(doc.path, doc.kind),
    exists: input.exists ?? (() => false),
    generatedStatus: input.generatedStatus,
  });
}
