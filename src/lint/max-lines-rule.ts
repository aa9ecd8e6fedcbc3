import { messages } from './messages.js';
import type { LintDocument, LintRule } from './types.js';

/** What differs between the line-budget rules: which files they check and what they tell the user. */
export interface MaxLinesRuleSpec {
  id: string;
  description: string;
  kind: LintDocument['kind'];
  tags: string[];
  defaultSeverity: LintRule['defaultSeverity'];
  /** How the message names the file: "a command", "CLAUDE.md". */
  what: string;
  /** What to do about it, ending with the config key that raises the budget. */
  advice: string;
}

/**
 * Builds a rule that reports a file of one kind over its line budget (`context.budget.maxLines`, from
 * budgets.* and budgets.overrides), at the first line past the budget.
 */
export function maxLinesRule(spec: MaxLinesRuleSpec): LintRule {
  return {
    id: spec.id,
    description: spec.description,
    tags: spec.tags,
    defaultSeverity: spec.defaultSeverity,
    docs: `docs/rules/${spec.id}.md`,
    check(doc, context) {
      const max = context.budget.maxLines;
      if (doc.kind !== spec.kind || max === undefined || doc.lines.length <= max) return;
      context.report({ line: max + 1, message: messages.tooManyLines(spec.what, doc.lines.length, max, spec.advice) });
    },
  };
}
