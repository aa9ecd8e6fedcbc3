/** Where each settings scope lives (claude-code.md §4.3), and how the hook entry is named from there. */
import { isAbsolute, join, relative, sep } from 'node:path';
import { HOOK_ENTRY_RELATIVE_PATH } from '../claude/ctxkit-hooks.js';
import type { SettingsScope } from '../claude/settings/settings-types.js';

/** Claude Code's user folder: `$CLAUDE_CONFIG_DIR`, else `$HOME/.claude` (`home` is the fallback for HOME). */
export function claudeConfigDir(env: NodeJS.ProcessEnv, home: string): string {
  if (env.CLAUDE_CONFIG_DIR) return env.CLAUDE_CONFIG_DIR;
  return join(env.HOME || home, '.claude');
}

/** The settings file of a scope. */
export function settingsFilePath(scope: SettingsScope, projectDir: string, configDir: string): string {
  if (scope === 'user') return join(configDir, 'settings.json');
  return join(projectDir, '.claude', scope === 'project' ? 'settings.json' : 'settings.local.json');
}

/**
 * How a settings file should name ctxkit's hook entry. Inside the project (node_modules/ctxkit, or this repository)
 * and in a project-level file: `${CLAUDE_PROJECT_DIR}/<relative path>`, which works for every clone. Otherwise, and
 * always in the user file (which serves every project), the absolute path. Forward slashes either way: Claude Code
 * substitutes per argument in exec form, and Windows accepts them.
 */
export function hookEntryPathFor(scope: SettingsScope, packageRoot: string, projectDir: string): string {
  const entry = join(packageRoot, HOOK_ENTRY_RELATIVE_PATH);
  const rel = relative(projectDir, entry);
  if (scope !== 'user' && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
    return `\${CLAUDE_PROJECT_DIR}/${rel.split(sep).join('/')}`;
  }
  return entry.split(sep).join('/');
}
