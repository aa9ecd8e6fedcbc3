import { describe, expect, it } from 'vitest';
import {
  CTXKIT_HOOK_PLAN,
  PLUGIN_HOOK_ENTRY_PATH,
  buildCtxkitHooks,
  buildPluginHooksFile,
  looksLikeCtxkitEntryPath,
  readCtxkitHandler,
} from './ctxkit-hooks.js';
import { validateSettings } from './settings/validate-settings.js';

describe('ctxkit hook plan', () => {
  it('builds exec-form handlers with an explicit timeout that Claude Code accepts without warnings', () => {
    const hooks = buildCtxkitHooks({ entryPath: '${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.js' });
    expect(validateSettings({ hooks })).toEqual([]);
    expect(Object.keys(hooks)).toEqual(CTXKIT_HOOK_PLAN.map((spec) => spec.event));
    expect(hooks.PostToolUse).toEqual([
      {
        matcher: '^(Read|Grep|Glob|Bash|WebFetch|WebSearch|Agent|Task|Edit|Write|MultiEdit|NotebookEdit|mcp__.*)$',
        hooks: [{ type: 'command', command: 'node', args: ['${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.js', 'PostToolUse'], timeout: 30 }],
      },
    ]);
    expect(hooks.SessionStart).toEqual([{ hooks: [expect.objectContaining({ timeout: 10 })] }]);
  });

  it('anchors its matchers so NotebookEdit-like names do not match by accident', () => {
    const pre = new RegExp(CTXKIT_HOOK_PLAN.find((spec) => spec.event === 'PreToolUse')!.matcher!);
    expect(pre.test('Agent')).toBe(true);
    expect(pre.test('SubAgent')).toBe(false);
    const post = new RegExp(CTXKIT_HOOK_PLAN.find((spec) => spec.event === 'PostToolUse')!.matcher!);
    expect(['Read', 'Edit', 'mcp__memory__search'].every((tool) => post.test(tool))).toBe(true);
    expect(['ReadX', 'TodoWrite', 'LS'].some((tool) => post.test(tool))).toBe(false);
    // A non-zero Bash exit and a failed Agent call arrive as PostToolUseFailure, never as PostToolUse.
    const failure = new RegExp(CTXKIT_HOOK_PLAN.find((spec) => spec.event === 'PostToolUseFailure')!.matcher!);
    expect(['Bash', 'Agent', 'Task', 'Read', 'mcp__memory__search'].every((tool) => failure.test(tool))).toBe(true);
    expect(failure.test('TodoWrite')).toBe(false);
  });

  it('uses an absolute node when asked', () => {
    const hooks = buildCtxkitHooks({ entryPath: '/opt/ctxkit/dist/hooks/entry.js', node: '/usr/local/bin/node' });
    expect(hooks.Stop[0].hooks[0]).toEqual({ type: 'command', command: '/usr/local/bin/node', args: ['/opt/ctxkit/dist/hooks/entry.js', 'Stop'], timeout: 15 });
  });

  it('builds the plugin hooks file with ${CLAUDE_PLUGIN_ROOT}', () => {
    const file = buildPluginHooksFile();
    expect(file.hooks.SessionEnd[0].hooks[0].args).toEqual([PLUGIN_HOOK_ENTRY_PATH, 'SessionEnd']);
    expect(validateSettings({ hooks: file.hooks })).toEqual([]);
  });
});

describe('readCtxkitHandler', () => {
  it.each([
    [{ type: 'command', command: 'node', args: ['/a/ctxkit/dist/hooks/entry.js', 'Stop'] }, true],
    [{ type: 'command', command: 'node', args: ['/a/ctxkit/dist/hooks/entry.cjs', 'Stop'] }, true],
    [{ type: 'command', command: 'node', args: ['/a/ctxkit/dist/hooks/entry.mjs', 'Stop'] }, false],
    [{ type: 'command', command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\x\\dist\\hooks\\entry.js', 'Stop'], timeout: 1 }, true],
    [{ type: 'command', command: '/home/u/.nvm/versions/node/v20.19.0/bin/node', args: ['/p/dist/hooks/entry.js', 'SessionEnd'] }, true],
    [{ type: 'command', command: 'node /a/dist/hooks/entry.js Stop' }, false],
    [{ type: 'command', command: 'bun', args: ['/a/dist/hooks/entry.js', 'Stop'] }, false],
    [{ type: 'command', command: 'node', args: ['/a/dist/hooks/entry.js', 'NotAnEvent'] }, false],
    [{ type: 'command', command: 'node', args: ['/a/dist/hooks/other.js', 'Stop'] }, false],
    [{ type: 'prompt', prompt: 'x' }, false],
  ])('reads %j: %s', (handler, expected) => {
    expect(readCtxkitHandler(handler) !== undefined).toBe(expected);
  });
});

describe('looksLikeCtxkitEntryPath', () => {
  it.each([
    ['${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.js', true],
    ['/home/u/.claude/plugins/cache/m/ctxkit/0.1.0/dist/hooks/entry.js', false],
    ['/home/u/src/ctxkit/dist/hooks/entry.js', true],
    ['/home/u/.npm/_npx/ctxkit@0.2.0/dist/hooks/entry.js', true],
    ['${CLAUDE_PLUGIN_ROOT}/dist/hooks/entry.js', true],
    ['${CLAUDE_PLUGIN_ROOT}/dist/hooks/entry.cjs', true],
    ['/home/u/src/ctxkit/dist/hooks/entry.cjs', true],
    ['/home/u/other-tool/dist/hooks/entry.js', false],
  ])('%s: %s', (path, expected) => {
    expect(looksLikeCtxkitEntryPath(path)).toBe(expected);
  });
});
