import { describe, expect, it } from 'vitest';
import { clampContext, finalizeOutput, MAX_CONTEXT_CHARS } from './hook-output.js';

describe('finalizeOutput', () => {
  it('prints nothing for undefined or empty results', () => {
    expect(finalizeOutput('PostToolUse', undefined)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(finalizeOutput('PostToolUse', {})).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(finalizeOutput('UserPromptSubmit', { hookSpecificOutput: { additionalContext: '' } })).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('forces hookEventName to the firing event and prints one JSON line', () => {
    const result = finalizeOutput('SubagentStart', { hookSpecificOutput: { hookEventName: 'Wrong', additionalContext: 'ctx' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({ hookSpecificOutput: { hookEventName: 'SubagentStart', additionalContext: 'ctx' } });
  });

  it('clamps additionalContext under the 10,000-character cap', () => {
    const big = 'line of context\n'.repeat(2000);
    const parsed = JSON.parse(finalizeOutput('UserPromptSubmit', { hookSpecificOutput: { additionalContext: big } }).stdout);
    expect(parsed.hookSpecificOutput.additionalContext.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS);
    expect(parsed.hookSpecificOutput.additionalContext).toMatch(/truncated by ctxkit\]$/);
  });

  it('a block exits 2 with stderr and nothing on stdout', () => {
    expect(finalizeOutput('PreToolUse', { block: true, stderr: 'too many subagents' })).toEqual({ stdout: '', stderr: 'too many subagents', exitCode: 2 });
  });
});

describe('clampContext', () => {
  it('leaves short text alone and cuts long text at a line break', () => {
    expect(clampContext('short')).toBe('short');
    const cut = clampContext('aaaa\nbbbb\ncccc', 12);
    expect(cut.length).toBeLessThanOrEqual(12 + 30);
  });
});
