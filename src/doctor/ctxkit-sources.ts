/**
 * Where ctxkit's hooks are declared (settings scopes, plugins) and whether Claude Code runs them from there.
 * Claude Code runs hooks from every source; identical handlers in several settings files run once, but a
 * plugin's copy is kept apart (claude-code.md §4.3), so the count of distinct handlers per event is what runs.
 */
import type { CtxkitHandlerLocation } from '../claude/settings/find-ctxkit-handlers.js';
import type { SettingsScope } from '../claude/settings/settings-types.js';
import type { DoctorFacts } from './doctor-facts.js';
import { judgeSettings } from './settings-verdict.js';

export interface CtxkitSource {
  /** The settings file, or `plugin <key>`. */
  label: string;
  kind: 'settings' | 'plugin';
  scope?: SettingsScope;
  pluginRoot?: string;
  /** Claude Code runs these handlers. */
  active: boolean;
  /** Why not, when inactive. */
  inactiveReason?: string;
  handlers: CtxkitHandlerLocation[];
}

/** Every source holding at least one ctxkit handler, settings scopes first (user, project, local), then plugins. */
export function listCtxkitSources(facts: Pick<DoctorFacts, 'settings' | 'plugins'>): CtxkitSource[] {
  const sources: CtxkitSource[] = [];
  for (const settings of facts.settings) {
    if (settings.ctxkitHandlers.length === 0) continue;
    const verdict = judgeSettings(settings.file, settings.text, settings.readError);
    const active = verdict.state === 'loaded';
    sources.push({
      label: settings.file,
      kind: 'settings',
      scope: settings.scope,
      active,
      ...(active ? {} : { inactiveReason: 'Claude Code ignores this file (see its settings check)' }),
      handlers: settings.ctxkitHandlers,
    });
  }
  for (const plugin of facts.plugins) {
    if (plugin.ctxkitHandlers.length === 0) continue;
    const active = plugin.enabled && plugin.error === undefined;
    sources.push({
      label: `plugin ${plugin.key} (${plugin.hooksFile})`,
      kind: 'plugin',
      pluginRoot: plugin.root,
      active,
      ...(active ? {} : { inactiveReason: plugin.error ?? 'installed but not enabled' }),
      handlers: plugin.ctxkitHandlers,
    });
  }
  return sources;
}

/** Claude Code's dedup identity of a handler: command + args for settings, plus the plugin root for plugins. */
export function handlerRunKey(source: CtxkitSource, handler: CtxkitHandlerLocation): string {
  return [source.kind === 'plugin' ? `plugin:${source.pluginRoot ?? ''}` : 'settings', handler.node, handler.entryPath, handler.event].join('\0');
}

/** For each event, how many distinct ctxkit handlers run, and from which sources. */
export function countRunsPerEvent(sources: readonly CtxkitSource[]): Map<string, { runs: number; labels: string[] }> {
  const keys = new Map<string, Set<string>>();
  const labels = new Map<string, Set<string>>();
  for (const source of sources) {
    if (!source.active) continue;
    for (const handler of source.handlers) {
      if (!keys.has(handler.key)) keys.set(handler.key, new Set());
      if (!labels.has(handler.key)) labels.set(handler.key, new Set());
      keys.get(handler.key)!.add(handlerRunKey(source, handler));
      labels.get(handler.key)!.add(source.label);
    }
  }
  return new Map([...keys].map(([event, set]) => [event, { runs: set.size, labels: [...(labels.get(event) ?? [])] }]));
}
