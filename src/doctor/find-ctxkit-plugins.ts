/**
 * Plugins that carry ctxkit's hooks: those installed for Claude Code (installed_plugins.json, enabled through
 * `enabledPlugins` in the settings) and folders given with --plugin-dir, which Claude Code loads for one session
 * without recording them anywhere (so doctor can only know of them when told).
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { findCtxkitHandlers } from '../claude/settings/find-ctxkit-handlers.js';
import { makeIsCtxkitEntry } from '../install/ctxkit-entry-identity.js';
import type { PluginFacts } from './doctor-facts.js';

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Installations listed in installed_plugins.json (version 2: an array per plugin; version 1: one object). */
function installations(value: unknown): Array<{ key: string; scope?: string; projectPath?: string; installPath: string }> {
  const plugins = (value as { plugins?: unknown } | undefined)?.plugins;
  if (typeof plugins !== 'object' || plugins === null) return [];
  const result: Array<{ key: string; scope?: string; projectPath?: string; installPath: string }> = [];
  for (const [key, entry] of Object.entries(plugins)) {
    for (const item of Array.isArray(entry) ? entry : [entry]) {
      const { scope, projectPath, installPath } = (item ?? {}) as Record<string, unknown>;
      if (typeof installPath !== 'string') continue;
      result.push({ key, installPath, ...(typeof scope === 'string' ? { scope } : {}), ...(typeof projectPath === 'string' ? { projectPath } : {}) });
    }
  }
  return result;
}

/** `enabledPlugins[key]` from the loaded settings, local over project over user. */
function isEnabled(key: string, settingsByPrecedence: readonly unknown[]): boolean {
  for (const settings of settingsByPrecedence) {
    const enabled = (settings as { enabledPlugins?: unknown } | undefined)?.enabledPlugins;
    if (typeof enabled === 'object' && enabled !== null && key in enabled) {
      const value = (enabled as Record<string, unknown>)[key];
      return value === true || Array.isArray(value);
    }
  }
  return false;
}

async function pluginFacts(options: { key: string; origin: PluginFacts['origin']; root: string; enabled: boolean; projectDir: string }): Promise<PluginFacts | undefined> {
  const hooksFile = join(options.root, 'hooks', 'hooks.json');
  const text = await readText(hooksFile);
  if (text === undefined) return undefined;
  const value = parseJson(text);
  const base = { key: options.key, origin: options.origin, root: options.root, hooksFile, enabled: options.enabled };
  if (value === undefined) return { ...base, ctxkitHandlers: [], error: 'hooks/hooks.json is not valid JSON' };
  const isCtxkitEntry = makeIsCtxkitEntry({ projectDir: options.projectDir, pluginRoot: options.root });
  return { ...base, ctxkitHandlers: findCtxkitHandlers(value, isCtxkitEntry) };
}

/**
 * Lists plugins whose hooks/hooks.json holds ctxkit handlers. `settingsByPrecedence` are the loaded settings
 * objects, local first, for `enabledPlugins`.
 */
export async function findCtxkitPlugins(options: { configDir: string; projectDir: string; pluginDirs: readonly string[]; settingsByPrecedence: readonly unknown[] }): Promise<PluginFacts[]> {
  const found: PluginFacts[] = [];
  const installed = parseJson(await readText(join(options.configDir, 'plugins', 'installed_plugins.json')));
  for (const installation of installations(installed)) {
    // A project- or local-scope installation belongs to one project only.
    if ((installation.scope === 'project' || installation.scope === 'local') && installation.projectPath && resolve(installation.projectPath) !== options.projectDir) continue;
    const facts = await pluginFacts({
      key: installation.key,
      origin: 'installed',
      root: installation.installPath,
      enabled: isEnabled(installation.key, options.settingsByPrecedence),
      projectDir: options.projectDir,
    });
    if (facts && facts.ctxkitHandlers.length > 0) found.push(facts);
  }
  for (const dir of options.pluginDirs) {
    const root = resolve(options.projectDir, dir);
    const manifest = parseJson(await readText(join(root, '.claude-plugin', 'plugin.json'))) as { name?: unknown } | undefined;
    const name = typeof manifest?.name === 'string' ? manifest.name : basename(root);
    const facts = await pluginFacts({ key: `${name} (--plugin-dir ${root})`, origin: 'plugin-dir', root, enabled: true, projectDir: options.projectDir });
    if (facts) found.push(facts);
  }
  return found;
}
