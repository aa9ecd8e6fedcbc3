import type { Severity } from '../config/index.js';
import { isDisabled, parseDisableComments } from './disable-comments.js';
import type { FileBudget, Finding, LintDocument, LintRule, RuleSeverity } from './types.js';

export interface LintDocumentOptions {
  rules: readonly LintRule[];
  /** `lint.rules` from the config: severity per rule id, `off` to skip. */
  severities?: Readonly<Record<string, Severity>>;
  budget: FileBudget;
  exists: (path: string) => boolean;
  generatedStatus?: (path: string) => string | undefined;
}

/** The severity a rule runs at, or undefined when it is off. */
export function effectiveSeverity(rule: LintRule, severities: Readonly<Record<string, Severity>> = {}): RuleSeverity | undefined {
  const configured = severities[rule.id] ?? rule.defaultSeverity;
  return configured === 'off' ? undefined : configured;
}

/**
 * Runs the rules over one document and returns its findings, sorted by position. The runner, not the
 * rules, adds rule id and severity and applies disable comments (as unified-lint-rule does). A rule
 * that throws becomes a finding instead of stopping the run.
 */
export function lintDocument(doc: LintDocument, options: LintDocumentOptions): Finding[] {
  const findings: Finding[] = [];
  const comments = doc.unreadable ? undefined : parseDisableComments(doc.prose);
  for (const rule of options.rules) {
    const severity = effectiveSeverity(rule, options.severities);
    if (severity === undefined) continue;
    if (Boolean(doc.unreadable) !== Boolean(rule.handlesUnreadable)) continue;
    const report = (found: { line: number; column?: number; message: string }) => {
      if (comments && isDisabled(comments, rule.id, found.line)) return;
      findings.push({ file: doc.path, line: found.line, column: found.column ?? 1, ruleId: rule.id, severity, message: found.message });
    };
    try {
      rule.check(doc, { budget: options.budget, exists: options.exists, generatedStatus: options.generatedStatus, report });
    } catch (error) {
      findings.push({
        file: doc.path,
        line: 1,
        column: 1,
        ruleId: rule.id,
        severity: 'error',
        message: `Rule ${rule.id} failed on this file (a bug in ctxkit, please report it): ${(error as Error).message}`,
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
