import { describe, expect, it } from 'vitest';
import { validateSettings } from './validate-settings.js';

const command = (extra: Record<string, unknown> = {}) => ({ type: 'command', command: 'node', args: ['x.js'], timeout: 10, ...extra });
const withHandler = (handler: unknown, event = 'PostToolUse', matcher?: unknown) => ({
  hooks: { [event]: [{ ...(matcher === undefined ? {} : { matcher }), hooks: [handler] }] },
});

describe('validateSettings', () => {
  it.each([
    ['no hooks', { model: 'x', permissions: { allow: [] } }],
    ['an exec-form command', withHandler(command({ statusMessage: 'x', async: false, once: false, shell: 'bash' }))],
    ['an if on a tool event', withHandler(command({ if: 'Bash(git *)' }), 'PreToolUse')],
    ['prompt, agent, http and mcp_tool handlers', {
      hooks: {
        Stop: [{ hooks: [{ type: 'prompt', prompt: 'p', model: 'm' }, { type: 'agent', prompt: 'p' }, { type: 'http', url: 'https://example.com/h', headers: { A: 'b' } }, { type: 'mcp_tool', server: 's', tool: 't', input: {} }] }],
      },
    }],
    ['an exact-list matcher', withHandler(command(), 'PostToolUse', 'Edit|Write, Read')],
    ['an anchored regex matcher', withHandler(command(), 'PostToolUse', '^mcp__.*$')],
    ['unknown handler fields (Claude Code strips them)', withHandler(command({ extra: 1 }))],
  ])('accepts %s', (_name, settings) => {
    expect(validateSettings(settings)).toEqual([]);
  });

  it.each([
    ['a string timeout', withHandler(command({ timeout: '30' })), 'hooks.PostToolUse[0].hooks[0].timeout', 'Unexpected the string "30", expected a positive number (seconds)'],
    ['a zero timeout', withHandler(command({ timeout: 0 })), 'hooks.PostToolUse[0].hooks[0].timeout', 'expected a positive number'],
    ['a missing type', withHandler({ command: 'x' }), 'hooks.PostToolUse[0].hooks[0].type', 'missing type'],
    ['an unknown type', withHandler({ type: 'script', command: 'x' }), 'hooks.PostToolUse[0].hooks[0].type', 'expected one of "command"'],
    ['a command without command', withHandler({ type: 'command', args: [] }), 'hooks.PostToolUse[0].hooks[0].command', 'Missing "command"'],
    ['non-string args', withHandler(command({ args: ['a', 1] })), 'hooks.PostToolUse[0].hooks[0].args', 'an array of strings'],
    ['a bad shell', withHandler(command({ shell: 'zsh' })), 'hooks.PostToolUse[0].hooks[0].shell', "'bash' or 'powershell'"],
    ['a string async', withHandler(command({ async: 'true' })), 'hooks.PostToolUse[0].hooks[0].async', 'a boolean'],
    ['a numeric matcher', withHandler(command(), 'PostToolUse', 5), 'hooks.PostToolUse[0].matcher', 'expected a string'],
    ['a group without hooks', { hooks: { Stop: [{ matcher: '' }] } }, 'hooks.Stop[0].hooks', 'missing "hooks"'],
    ['a group that is a string', { hooks: { Stop: ['node x.js'] } }, 'hooks.Stop[0]', 'expected a matcher group'],
    ['an http hook with a relative url', withHandler({ type: 'http', url: '/hook' }), 'hooks.PostToolUse[0].hooks[0].url', 'an absolute URL'],
    ['a top-level array', [], '', 'expected a JSON object'],
    ['a top-level null', null, '', 'expected a JSON object'],
  ])('rejects %s as an error that drops the whole file', (_name, settings, path, fragment) => {
    const problems = validateSettings(settings);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', path, message: expect.stringContaining(fragment) })]);
  });

  it.each([
    ['an unknown event', { hooks: { PostToolUsed: [] } }, 'hooks.PostToolUsed', 'Unexpected hook event "PostToolUsed"'],
    ['an event that is not an array', { hooks: { Stop: {} } }, 'hooks.Stop', 'expected an array of matcher groups'],
    ['hooks that is an array', { hooks: [] }, 'hooks', 'expected an object mapping event names'],
    ['a regex that does not compile', withHandler(command(), 'PostToolUse', '^(Read'), 'hooks.PostToolUse[0].matcher', 'matches nothing'],
    ['an if on a non-tool event', withHandler(command({ if: 'Bash(x)' }), 'Stop'), 'hooks.Stop[0].hooks[0].if', 'never runs'],
  ])('warns about %s (Claude Code drops or never uses it)', (_name, settings, path, fragment) => {
    expect(validateSettings(settings)).toEqual([expect.objectContaining({ severity: 'warning', path, message: expect.stringContaining(fragment) })]);
  });
});
