/**
 * Looks for ctxkit hooks that Claude Code would run besides the file being installed into: the other settings
 * scopes and installed plugins. Claude Code runs hooks from every source, so a second copy would run twice
 * (claude-code.md §4.3, #76297).
 */
import { join } from 'node:path';
import { checkSettingsText } from '../claude/settings/check-settings-text.js';
import { findCtxkitHandlers, type IsCtxkitEntry } from '../claude/settings/find-ctxkit-handlers.js';
import { SETTINGS_SCOPES, type SettingsScope } from '../claude/settings/settings-types.js';
import { makeIsCtxkitEntry } from './ctxkit-entry-identity.js';
import type { OtherInstall } from './plan-install.js';
import { readTextFile } from './read-text-file.js';
import { settingsFilePath } from './settings-paths.js';

export interface OtherInstallsResult {
  others: OtherInstall[];
  /** Files that could not be read as settings (they were skipped). */
  notes: string[];
}

interface PluginInstallation {
  scope?: string;
  projectPath?: string;
  installPath?: string;
}

function pluginInstallations(text: string | undefined): Array<[string, PluginInstallation]> {
  if (text === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const plugins = (value as { plugins?: unknown })?.plugins;
  if (typeof plugins !== 'object' || plugins === null) return [];
  const result: Array<[string, PluginInstallation]> = [];
  // Version 2 lists installations per plugin; version 1 had one object per plugin.
  for (const [key, entry] of Object.entries(plugins)) {
    for (const installation of Array.isArray(entry) ? entry : [entry]) {
      if (typeof installation === 'object' && installation !== null) result.push([key, installation as PluginInstallation]);
    }
  }
  return result;
}

/** Whether `enabledPlugins` turns a plugin on, local over project over user as for other settings. */
function isPluginEnabled(key: string, settingsByScope: Map<SettingsScope, Record<string, unknown>>): boolean {
  for (const scope of ['local', 'project', 'user'] as const) {
    const enabled = settingsByScope.get(scope)?.enabledPlugins;
    if (typeof enabled === 'object' && enabled !== null && key in enabled) {
      const value = (enabled as Record<string, unknown>)[key];
      return value === true || Array.isArray(value);
    }
  }
  return false;
}

/** Finds ctxkit hooks in every settings scope except `exclude`, and in installed plugins. */
export async function findOtherInstalls(options: {
  exclude?: SettingsScope;
  projectDir: string;
  configDir: string;
  isCtxkitEntry: IsCtxkitEntry;
}): Promise<OtherInstallsResult> {
  const others: OtherInstall[] = [];
  const notes: string[] = [];
  const settingsByScope = new Map<SettingsScope, Record<string, unknown>>();
  for (const scope of SETTINGS_SCOPES) {
    const file = settingsFilePath(scope, options.projectDir, options.configDir);
    const text = await readTextFile(file);
    if (text === undefined) continue;
    const check = checkSettingsText(text, file);
    if (!check.ok) {
      if (scope !== options.exclude) notes.push(`Skipped ${file} while looking for other ctxkit hooks: it is not valid settings.`);
      continue;
    }
    settingsByScope.set(scope, check.value);
    if (scope === options.exclude) continue;
    const found = findCtxkitHandlers(check.value, options.isCtxkitEntry);
    if (found.length > 0) others.push({ where: scope, file, events: [...new Set(found.map((location) => location.key))], active: true });
  }

  const pluginsFile = join(options.configDir, 'plugins', 'installed_plugins.json');
  for (const [key, installation] of pluginInstallations(await readTextFile(pluginsFile))) {
    if (typeof installation.installPath !== 'string') continue;
    if ((installation.scope === 'project' || installation.scope === 'local') && installation.projectPath && installation.projectPath !== options.projectDir) continue;
    const hooksFile = join(installation.installPath, 'hooks', 'hooks.json');
    const text = await readTextFile(hooksFile);
    if (text === undefined) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      notes.push(`Skipped ${hooksFile}: it is not valid JSON.`);
      continue;
    }
    const isCtxkitEntry = makeIsCtxkitEntry({ projectDir: options.projectDir, pluginRoot: installation.installPath });
    const found = findCtxkitHandlers(value, isCtxkitEntry);
    if (found.length === 0) continue;
    others.push({
      where: 'plugin',
      file: hooksFile,
      plugin: key,
      events: [...new Set(found.map((location) => location.key))],
      active: isPluginEnabled(key, settingsByScope),
    });
  }
  return { others, notes };
}
