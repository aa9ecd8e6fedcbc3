import { CTXKIT_HOOK_PLAN } from '../../claude/ctxkit-hooks.js';
import type { CheckResult } from '../check-result.js';
import { countRunsPerEvent, listCtxkitSources, type CtxkitSource } from '../ctxkit-sources.js';
import type { DoctorFacts } from '../doctor-facts.js';
import { judgeSettings } from '../settings-verdict.js';

const ID = 'hooks-installed';

/** How one active source differs from the current plan (missing events, other timeouts or matchers). */
function planDifferences(source: CtxkitSource): string[] {
  const differences: string[] = [];
  for (const spec of CTXKIT_HOOK_PLAN) {
    const handler = source.handlers.find((candidate) => candidate.key === spec.event);
    if (!handler) {
      differences.push(`${spec.event}: missing`);
      continue;
    }
    if (handler.timeout !== spec.timeout) differences.push(`${spec.event}: timeout ${handler.timeout ?? 'none (600 s default)'}, expected ${spec.timeout}`);
    if ((handler.matcher ?? undefined) !== spec.matcher) differences.push(`${spec.event}: matcher ${JSON.stringify(handler.matcher ?? null)}, expected ${JSON.stringify(spec.matcher ?? null)}`);
  }
  const planned = new Set<string>(CTXKIT_HOOK_PLAN.map((spec) => spec.event));
  for (const handler of source.handlers) if (!planned.has(handler.key)) differences.push(`${handler.key}: not used by this ctxkit any more`);
  return differences;
}

/** ctxkit's hooks are installed exactly once across settings scopes and plugins, and are current. */
export function checkHooksInstalled(facts: Pick<DoctorFacts, 'settings' | 'plugins'>): CheckResult {
  const sources = listCtxkitSources(facts);
  const active = sources.filter((source) => source.active);
  const inactive = sources.filter((source) => !source.active).map((source) => `${source.label}: ${source.inactiveReason}`);

  for (const settings of facts.settings) {
    const verdict = judgeSettings(settings.file, settings.text, settings.readError);
    if (verdict.state === 'loaded' && verdict.value.disableAllHooks === true) {
      return {
        id: ID,
        status: 'fail',
        finding: `"disableAllHooks": true in ${settings.file}: Claude Code runs no hooks, ctxkit's included.`,
        fix: 'Remove disableAllHooks (or set it to false) for ctxkit to capture anything.',
      };
    }
  }

  const runs = countRunsPerEvent(sources);
  const doubled = [...runs].filter(([, entry]) => entry.runs > 1);
  if (doubled.length > 0) {
    const labels = [...new Set(doubled.flatMap(([, entry]) => entry.labels))];
    const fixes = active.map((source) => (source.kind === 'plugin' ? '`claude plugin disable ctxkit`' : `\`ctxkit uninstall --scope ${source.scope}\``));
    return {
      id: ID,
      status: 'fail',
      finding: `ctxkit's hooks are installed ${Math.max(...doubled.map(([, entry]) => entry.runs))} times: every event runs more than once (${labels.join(' and ')}).`,
      fix: `Claude Code runs hooks from every source, so captures and injections happen twice; keep one: ${fixes.join(' or ')}.`,
      details: doubled.map(([event, entry]) => `${event}: runs ${entry.runs} times`),
    };
  }

  if (active.length === 0) {
    if (sources.length > 0) {
      return {
        id: ID,
        status: 'fail',
        finding: 'ctxkit hooks are declared, but Claude Code runs none of them.',
        fix: 'Fix the file (see its settings check) or enable the plugin (`claude plugin enable ctxkit`).',
        details: inactive,
      };
    }
    return {
      id: ID,
      status: 'warn',
      finding: 'ctxkit hooks are not installed in any settings scope or enabled plugin.',
      fix: 'Nothing is captured or injected; run `ctxkit install` (or add the ctxkit plugin).',
    };
  }

  if (active.length > 1) {
    return {
      id: ID,
      status: 'warn',
      finding: `ctxkit hooks are declared in ${active.length} places (${active.map((entry) => entry.label).join(' and ')}); Claude Code runs the identical handlers once.`,
      fix: 'They stop being identical as soon as one is updated or moved, and then every event runs twice; keep one.',
    };
  }

  const source = active[0];
  const differences = active.flatMap(planDifferences);
  if (differences.length > 0) {
    return {
      id: ID,
      status: 'warn',
      finding: `ctxkit hooks are installed once (${source.label}) but differ from this ctxkit's plan.`,
      fix: source.kind === 'plugin' ? 'Update the plugin (`claude plugin update ctxkit`).' : `Run \`ctxkit install --scope ${source.scope}\` to bring them up to date.`,
      details: [...differences, ...inactive],
    };
  }
  return {
    id: ID,
    status: 'ok',
    finding: `ctxkit hooks are installed once: ${source.label} (${source.handlers.length} events).`,
    fix: 'Claude Code runs hooks from every source; one copy means one capture per event.',
    ...(inactive.length > 0 ? { details: inactive } : {}),
  };
}
