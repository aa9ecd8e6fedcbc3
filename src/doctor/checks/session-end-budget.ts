import type { CheckResult } from '../check-result.js';
import { listCtxkitSources } from '../ctxkit-sources.js';
import type { DoctorFacts } from '../doctor-facts.js';
import { judgeSettings } from '../settings-verdict.js';

const ID = 'session-end-budget';
/** Claude Code's SessionEnd budget, raised only by settings timeouts (claude-code.md §4.4). */
const BASE_BUDGET_SECONDS = 1.5;
const MAX_BUDGET_SECONDS = 60;

/** The largest `timeout` of any SessionEnd handler in a loaded settings file: it raises the budget. */
function largestSettingsTimeout(facts: Pick<DoctorFacts, 'settings'>): number {
  let largest = 0;
  for (const settings of facts.settings) {
    const verdict = judgeSettings(settings.file, settings.text, settings.readError);
    if (verdict.state !== 'loaded') continue;
    const groups = (verdict.value.hooks as Record<string, unknown> | undefined)?.SessionEnd;
    if (!Array.isArray(groups)) continue;
    for (const group of groups as Array<{ hooks?: Array<{ timeout?: unknown }> }>) {
      for (const handler of group.hooks ?? []) if (typeof handler.timeout === 'number') largest = Math.max(largest, handler.timeout);
    }
  }
  return largest;
}

/** ctxkit's SessionEnd hook (the end-of-session reconcile) gets enough time to finish. */
export function checkSessionEndBudget(facts: Pick<DoctorFacts, 'settings' | 'plugins' | 'sessionEndTimeoutEnv'>): CheckResult {
  const sources = listCtxkitSources(facts).filter((source) => source.active && source.handlers.some((handler) => handler.key === 'SessionEnd'));
  if (sources.length === 0) return { id: ID, status: 'ok', finding: 'Not checked: no active ctxkit SessionEnd hook.', fix: 'Checked once ctxkit hooks are installed.' };
  if (facts.sessionEndTimeoutEnv !== undefined) {
    return { id: ID, status: 'ok', finding: `CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS=${facts.sessionEndTimeoutEnv} sets the SessionEnd budget.`, fix: 'Only this variable or a settings timeout raises the 1.5 s default.' };
  }
  const fromSettings = Math.min(largestSettingsTimeout(facts), MAX_BUDGET_SECONDS);
  if (fromSettings > BASE_BUDGET_SECONDS) {
    return { id: ID, status: 'ok', finding: `The settings' SessionEnd timeout raises Claude Code's SessionEnd budget to ${fromSettings} s.`, fix: 'Plugin hook timeouts would not raise it; settings timeouts do.' };
  }
  return {
    id: ID,
    status: 'warn',
    finding: `ctxkit's SessionEnd hook comes from a plugin, and plugin timeouts do not raise Claude Code's ${BASE_BUDGET_SECONDS} s SessionEnd budget.`,
    fix: 'A slow end-of-session reconcile is cancelled (what Stop already caught is kept); set CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS=15000 where Claude Code starts, or use `ctxkit install` instead of the plugin.',
  };
}
