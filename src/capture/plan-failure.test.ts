import { describe, expect, it } from 'vitest';
import { exitCodeOf, planFailureCapture } from './plan-failure.js';

describe('planFailureCapture', () => {
  it('keeps a failed Bash call as a command with its exit status', () => {
    const error = "Exit code 2\nls: cannot access 'no-such-dir': No such file or directory";
    expect(planFailureCapture('Bash', { command: 'ls no-such-dir', description: 'List a missing dir' }, error, false)).toEqual({
      type: 'discovery',
      kind: 'command',
      key: 'ls no-such-dir',
      text: error,
      meta: { failed: true, interrupted: false, exitCode: 2, description: 'List a missing dir' },
    });
  });

  it('has no exit status for an interrupted command or an error without one', () => {
    expect(planFailureCapture('Bash', { command: 'sleep 100' }, 'Interrupted by user', true)).toMatchObject({ meta: { exitCode: null, interrupted: true } });
    expect(exitCodeOf('Command timed out after 2m')).toBeUndefined();
    expect(exitCodeOf('Exit code 127\nnope: command not found')).toBe(127);
  });

  it('keeps other tools as tool errors and skips failed Agent calls', () => {
    expect(planFailureCapture('Read', { file_path: '/p/missing.ts' }, 'File does not exist.', false)).toMatchObject({
      kind: 'tool',
      key: 'Read {"file_path":"/p/missing.ts"}',
      text: 'File does not exist.',
      meta: { tool: 'Read', failed: true },
    });
    expect(planFailureCapture('Agent', { prompt: 'x' }, 'boom', false)).toEqual({ type: 'skip', reason: 'failed Agent call: no report' });
  });
});
