import { describe, expect, it } from 'vitest';
import { claudeConfigDir, hookEntryPathFor, settingsFilePath } from './settings-paths.js';

describe('settings paths', () => {
  it('honours CLAUDE_CONFIG_DIR, then HOME', () => {
    expect(claudeConfigDir({ CLAUDE_CONFIG_DIR: '/c', HOME: '/h' }, '/x')).toBe('/c');
    expect(claudeConfigDir({ HOME: '/h' }, '/x')).toBe('/h/.claude');
    expect(claudeConfigDir({}, '/x')).toBe('/x/.claude');
  });

  it('names the three scopes', () => {
    expect(settingsFilePath('project', '/p', '/c')).toBe('/p/.claude/settings.json');
    expect(settingsFilePath('local', '/p', '/c')).toBe('/p/.claude/settings.local.json');
    expect(settingsFilePath('user', '/p', '/c')).toBe('/c/settings.json');
  });

  it('uses ${CLAUDE_PROJECT_DIR} when ctxkit sits inside the project, except for the user file', () => {
    expect(hookEntryPathFor('project', '/p/node_modules/ctxkit', '/p')).toBe('${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.cjs');
    expect(hookEntryPathFor('local', '/p', '/p')).toBe('${CLAUDE_PROJECT_DIR}/dist/hooks/entry.cjs');
    expect(hookEntryPathFor('user', '/p/node_modules/ctxkit', '/p')).toBe('/p/node_modules/ctxkit/dist/hooks/entry.cjs');
    expect(hookEntryPathFor('project', '/usr/lib/node_modules/ctxkit', '/p')).toBe('/usr/lib/node_modules/ctxkit/dist/hooks/entry.cjs');
    expect(hookEntryPathFor('project', '/p2/ctxkit', '/p')).toBe('/p2/ctxkit/dist/hooks/entry.cjs');
  });
});
