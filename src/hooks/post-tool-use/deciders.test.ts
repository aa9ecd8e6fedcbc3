import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/defaults.js';
import type { HookDeps } from '../hook-deps.js';
import type { PostToolUseEvent } from '../hook-events.js';
import { decideReplacement, type PostToolUseCall, type ReplacementDecider } from './deciders.js';

const event = { session_id: 's', hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: {}, tool_use_id: 't', tool_response: {} } as unknown as PostToolUseEvent;
const call: PostToolUseCall = { event, captured: { status: 'skipped', reason: 'test' } };
const logged: string[] = [];
const deps = { config: defaultConfig, debug: (message: string) => logged.push(message) } as unknown as HookDeps;

function decider(name: string, output: Record<string, unknown> | undefined | Error, isCandidate = true): ReplacementDecider & { calls: number } {
  const entry = {
    name,
    calls: 0,
    isCandidate: () => isCandidate,
    decide: async () => {
      entry.calls++;
      if (output instanceof Error) throw output;
      return output === undefined ? undefined : { hookSpecificOutput: { hookEventName: 'PostToolUse', ...output } };
    },
  };
  return entry;
}

describe('decideReplacement', () => {
  it('returns the first replacement; later deciders are not asked', async () => {
    const guard = decider('guard', { updatedToolOutput: { file: 'summary' } });
    const inflight = decider('inflight', { updatedToolOutput: { file: 'reduced' } });
    expect(await decideReplacement(call, deps, [guard, inflight])).toEqual({ hookSpecificOutput: { hookEventName: 'PostToolUse', updatedToolOutput: { file: 'summary' } } });
    expect(inflight.calls).toBe(0);
  });

  it('keeps notes and still lets a later decider replace', async () => {
    const hint = decider('guard', { additionalContext: 'seen in session 2' });
    const inflight = decider('inflight', { updatedMCPToolOutput: [{ type: 'text', text: 'reduced' }] });
    expect(await decideReplacement(call, deps, [hint, inflight])).toEqual({
      hookSpecificOutput: { hookEventName: 'PostToolUse', updatedMCPToolOutput: [{ type: 'text', text: 'reduced' }], additionalContext: 'seen in session 2' },
    });
    expect(await decideReplacement(call, deps, [hint, decider('inflight', undefined)])).toEqual({ hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: 'seen in session 2' } });
  });

  it('skips deciders that are not candidates, and those that throw (logged)', async () => {
    const skipped = decider('guard', { updatedToolOutput: {} }, false);
    const broken = decider('broken', new Error('boom'));
    expect(await decideReplacement(call, deps, [skipped, broken])).toBeUndefined();
    expect(skipped.calls).toBe(0);
    expect(logged.at(-1)).toBe('broken failed: Error: boom');
  });
});
