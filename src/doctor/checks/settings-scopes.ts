import type { CheckResult } from '../check-result.js';
import type { DoctorFacts, SettingsFileFacts } from '../doctor-facts.js';
import { judgeSettings } from '../settings-verdict.js';

const PLUGIN_ROOT_VARIABLE = '${CLAUDE_PLUGIN_ROOT}';

/** Handlers that name `${CLAUDE_PLUGIN_ROOT}`, which only plugin hooks get (claude-code.md §4.5). */
function pluginRootHandlers(value: Record<string, unknown>): string[] {
  const hooks = value.hooks;
  if (typeof hooks !== 'object' || hooks === null) return [];
  const found: string[] = [];
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group: { hooks?: unknown }, groupIndex) => {
      if (!Array.isArray(group?.hooks)) return;
      group.hooks.forEach((handler: { command?: unknown; args?: unknown }, handlerIndex) => {
        const text = [handler?.command, ...(Array.isArray(handler?.args) ? handler.args : [])].filter((part) => typeof part === 'string').join(' ');
        if (text.includes(PLUGIN_ROOT_VARIABLE)) found.push(`hooks.${event}[${groupIndex}].hooks[${handlerIndex}]`);
      });
    });
  }
  return found;
}

/** One settings scope: would Claude Code load this file, and all of its hooks? */
export function checkSettingsScope(settings: SettingsFileFacts): CheckResult {
  const id = `settings-${settings.scope}`;
  const verdict = judgeSettings(settings.file, settings.text, settings.readError);
  switch (verdict.state) {
    case 'absent':
      return { id, status: 'ok', finding: `${settings.file}: not present.`, fix: `The ${settings.scope} settings are optional.` };
    case 'unreadable':
      return { id, status: 'fail', finding: `${settings.file} cannot be read: ${verdict.message}`, fix: 'Claude Code cannot read it either; fix its permissions.' };
    case 'ignored':
      return {
        id,
        status: 'fail',
        finding: `${settings.file}: Claude Code IGNORES THE WHOLE FILE (${verdict.reason === 'syntax' ? 'not valid JSON' : 'a field it rejects'}).`,
        fix:
          verdict.reason === 'syntax'
            ? 'Settings are strict JSON (no comments, no trailing commas); one syntax error drops every setting in the file: permissions, env, model and all hooks.'
            : 'One invalid field makes Claude Code drop every setting in the file (permissions, env, model and all hooks), not only the bad hook; fix the field(s) below.',
        details: verdict.lines,
      };
    case 'loaded': {
      const misplaced = pluginRootHandlers(verdict.value);
      if (verdict.warnings.length === 0 && misplaced.length === 0) {
        return { id, status: 'ok', finding: `${settings.file} is valid.`, fix: 'Claude Code loads all of it.' };
      }
      return {
        id,
        status: 'warn',
        finding: `${settings.file} loads, but Claude Code drops or never runs part of it.`,
        fix: 'Fix the parts below; the rest of the file still applies.',
        details: [
          ...verdict.warnings.map((warning) => `${warning.path}: ${warning.message}`),
          ...misplaced.map((path) => `${path}: names ${PLUGIN_ROOT_VARIABLE}, which is set only for plugin hooks; this hook fails`),
        ],
      };
    }
  }
}

/** Every settings scope, user first. */
export function checkSettingsScopes(facts: Pick<DoctorFacts, 'settings'>): CheckResult[] {
  return facts.settings.map(checkSettingsScope);
}
