import { describe, expect, it } from 'vitest';
import { buildCtxkitHooks, CTXKIT_HOOK_PLAN, looksLikeCtxkitEntryPath } from '../ctxkit-hooks.js';
import { mergeCtxkitHooks } from './merge-ctxkit-hooks.js';
import { removeCtxkitHooks } from './remove-ctxkit-hooks.js';
import { validateSettings } from './validate-settings.js';

const ENTRY = '${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.cjs';
const desired = buildCtxkitHooks({ entryPath: ENTRY });
const isCtxkit = looksLikeCtxkitEntryPath;
const userHook = { type: 'command', command: 'npx prettier --write', timeout: 20 };

// Hand-made settings files in the styles people and tools write them.
const samples: Record<string, string> = {
  'two spaces, user hooks on a shared event': `{
  "$schema": "https://json.schemastore.org/claude-code-settings.json",
  "permissions": {
    "allow": ["Bash(npm test)", "Read(*)"]
  },
  "hooks": {
    "PostToolUse": [
      {
        "matcher": "Edit|Write",
        "hooks": [
          { "type": "command", "command": "npx prettier --write", "timeout": 20 }
        ]
      }
    ],
    "Notification": [{"hooks": [{"type": "command", "command": "notify-send done"}]}]
  },
  "model": "sonnet"
}
`,
  'four spaces, no hooks, no final newline': '{\n    "zeta": 1,\n    "alpha": {\n        "1": true\n    }\n}',
  tabs: '{\n\t"env": {\n\t\t"A": "b"\n\t},\n\t"hooks": {\n\t\t"Stop": []\n\t}\n}\n',
  crlf: '{\r\n  "hooks": {\r\n    "SessionStart": [\r\n      {\r\n        "hooks": [\r\n          {\r\n            "type": "command",\r\n            "command": "echo hi"\r\n          }\r\n        ]\r\n      }\r\n    ]\r\n  }\r\n}\r\n',
  'one line': '{"model":"opus","hooks":{"Stop":[{"hooks":[{"type":"command","command":"true"}]}]}}',
  'empty object': '{}\n',
  'empty hooks': '{\n  "hooks": {}\n}\n',
};

describe('mergeCtxkitHooks', () => {
  it('creates a new file holding only ctxkit hooks', () => {
    const result = mergeCtxkitHooks(undefined, desired, isCtxkit);
    expect(JSON.parse(result.text)).toEqual({ hooks: desired });
    expect(result.text.endsWith('}\n')).toBe(true);
    expect(result.createdHooksKey).toBe(true);
    expect(result.changes.every((change) => change.action === 'added')).toBe(true);
  });

  it('keeps the user hooks, other keys, their order and the indentation', () => {
    const text = samples['two spaces, user hooks on a shared event'];
    const result = mergeCtxkitHooks(text, desired, isCtxkit);
    const merged = JSON.parse(result.text);
    expect(Object.keys(merged)).toEqual(['$schema', 'permissions', 'hooks', 'model']);
    expect(merged.hooks.PostToolUse[0].hooks[0]).toEqual(userHook);
    expect(merged.hooks.PostToolUse[1]).toEqual(desired.PostToolUse[0]);
    expect(Object.keys(merged.hooks)).toEqual(['PostToolUse', 'Notification', ...CTXKIT_HOOK_PLAN.map((s) => s.event).filter((e) => e !== 'PostToolUse')]);
    // Untouched lines stay byte for byte, including the one-line allow array.
    expect(result.text).toContain('    "allow": ["Bash(npm test)", "Read(*)"]\n');
    expect(result.text).toContain('\n    "SessionStart": [\n      {\n        "hooks": [\n          {\n            "type": "command",');
    expect(result.createdHooksKey).toBe(false);
    expect(validateSettings(merged)).toEqual([]);
  });

  it.each(Object.keys(samples))('is idempotent on %s (second merge returns the same bytes)', (name) => {
    const once = mergeCtxkitHooks(samples[name], desired, isCtxkit);
    const twice = mergeCtxkitHooks(once.text, desired, isCtxkit);
    expect(twice.text).toBe(once.text);
    expect(twice.changes.every((change) => change.action === 'unchanged')).toBe(true);
  });

  it('upgrades an older ctxkit entry in place: same position, new path and timeout', () => {
    const old = buildCtxkitHooks({ entryPath: '/old/place/ctxkit/dist/hooks/entry.js' });
    old.Stop[0].hooks[0].timeout = 5;
    const before = JSON.stringify({ hooks: { Stop: [old.Stop[0], { hooks: [userHook] }], SessionStart: old.SessionStart } }, null, 2);
    const result = mergeCtxkitHooks(before, desired, isCtxkit);
    const merged = JSON.parse(result.text);
    expect(merged.hooks.Stop).toEqual([desired.Stop[0], { hooks: [userHook] }]);
    expect(result.changes).toContainEqual({ event: 'Stop', action: 'updated' });
    expect(result.changes).toContainEqual({ event: 'SessionStart', action: 'updated' });
    expect(result.changes).toContainEqual({ event: 'PostToolUse', action: 'added' });
  });

  it('drops ctxkit entries for events the plan no longer has, and duplicates', () => {
    const stale = { type: 'command', command: 'node', args: ['/x/ctxkit/dist/hooks/entry.js', 'Notification'], timeout: 10 };
    const before = JSON.stringify({ hooks: { Notification: [{ hooks: [stale] }], Stop: [desired.Stop[0], desired.Stop[0]] } }, null, 2);
    const merged = JSON.parse(mergeCtxkitHooks(before, desired, isCtxkit).text);
    expect(merged.hooks.Notification).toBeUndefined();
    expect(merged.hooks.Stop).toEqual(desired.Stop);
  });

  it('takes a ctxkit handler out of a group it shares with a user handler and adds its own group', () => {
    const before = JSON.stringify({ hooks: { Stop: [{ hooks: [userHook, desired.Stop[0].hooks[0]] }] } }, null, 2);
    const merged = JSON.parse(mergeCtxkitHooks(before, desired, isCtxkit).text);
    expect(merged.hooks.Stop).toEqual([{ hooks: [userHook] }, desired.Stop[0]]);
  });

  it('leaves handlers of other tools that use the same file layout alone', () => {
    const other = { type: 'command', command: 'node', args: ['/opt/other-tool/dist/hooks/entry.js', 'Stop'] };
    const before = JSON.stringify({ hooks: { Stop: [{ hooks: [other] }] } });
    const merged = JSON.parse(mergeCtxkitHooks(before, desired, isCtxkit).text);
    expect(merged.hooks.Stop).toEqual([{ hooks: [other] }, desired.Stop[0]]);
  });
});

describe('removeCtxkitHooks', () => {
  it.each(Object.keys(samples))('install then uninstall gives back %s byte for byte', (name) => {
    const original = samples[name];
    const merged = mergeCtxkitHooks(original, desired, isCtxkit);
    const created = new Set(merged.createdEvents);
    const removed = removeCtxkitHooks(merged.text, {
      isCtxkitEntry: isCtxkit,
      removeEmptyEvent: (event) => created.has(event),
      removeEmptyHooksKey: merged.createdHooksKey,
    });
    expect(removed.text).toBe(original);
  });

  it('removes emptied events and an emptied hooks key, and reports an empty file', () => {
    const merged = mergeCtxkitHooks(undefined, desired, isCtxkit);
    const removed = removeCtxkitHooks(merged.text, { isCtxkitEntry: isCtxkit, removeEmptyHooksKey: true });
    expect(removed.text).toBe('{}\n');
    expect(removed.isEmpty).toBe(true);
    expect(removed.removedFrom).toEqual(Object.keys(desired));
  });

  it('keeps an emptied hooks key it did not create', () => {
    const merged = mergeCtxkitHooks(samples['empty hooks'], desired, isCtxkit);
    const removed = removeCtxkitHooks(merged.text, { isCtxkitEntry: isCtxkit, removeEmptyHooksKey: false });
    expect(JSON.parse(removed.text)).toEqual({ hooks: {} });
    expect(removed.isEmpty).toBe(false);
  });

  it('removes exactly ctxkit handlers from shared groups and nothing else', () => {
    const before = JSON.stringify({ a: 1, hooks: { Stop: [{ matcher: '', hooks: [userHook, desired.Stop[0].hooks[0]] }] } }, null, 2);
    const removed = removeCtxkitHooks(before, { isCtxkitEntry: isCtxkit, removeEmptyHooksKey: false });
    expect(JSON.parse(removed.text)).toEqual({ a: 1, hooks: { Stop: [{ matcher: '', hooks: [userHook] }] } });
  });

  it('changes nothing when there is nothing of ctxkit', () => {
    const text = samples['two spaces, user hooks on a shared event'];
    const removed = removeCtxkitHooks(text, { isCtxkitEntry: isCtxkit, removeEmptyHooksKey: true });
    expect(removed).toEqual({ text, removedFrom: [], isEmpty: false });
  });
});
