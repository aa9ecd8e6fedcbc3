import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate-event.js';

const base = { session_id: 's', cwd: '/p', transcript_path: '/t.jsonl' };

describe('validateEvent', () => {
  const cases: Array<{ name: string; event: string; payload: unknown; error?: string }> = [
    { name: 'a valid PostToolUse', event: 'PostToolUse', payload: { ...base, hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: {}, tool_use_id: 't', tool_response: null } },
    { name: 'a valid Stop with extra fields', event: 'Stop', payload: { ...base, hook_event_name: 'Stop', background_tasks: [] } },
    { name: 'unknown event', event: 'Nope', payload: {}, error: "unknown event 'Nope'" },
    { name: 'array payload', event: 'Stop', payload: [], error: 'stdin is not a JSON object' },
    { name: 'null payload', event: 'Stop', payload: null, error: 'stdin is not a JSON object' },
    { name: 'mismatched name', event: 'Stop', payload: { ...base, hook_event_name: 'SessionEnd' }, error: 'hook_event_name is "SessionEnd", expected "Stop"' },
    { name: 'missing session_id', event: 'Stop', payload: { cwd: '/p', hook_event_name: 'Stop' }, error: 'field session_id is missing' },
    { name: 'tool_input not an object', event: 'PreToolUse', payload: { ...base, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: 'x', tool_use_id: 't' }, error: 'field tool_input is not a object' },
    { name: 'tool_response missing', event: 'PostToolUse', payload: { ...base, hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: {}, tool_use_id: 't' }, error: 'field tool_response is missing' },
    { name: 'tool_calls not an array', event: 'PostToolBatch', payload: { ...base, hook_event_name: 'PostToolBatch', tool_calls: {} }, error: 'field tool_calls is not a array' },
    { name: 'prompt not a string', event: 'UserPromptSubmit', payload: { ...base, hook_event_name: 'UserPromptSubmit', prompt: 1 }, error: 'field prompt is not a string' },
  ];
  for (const { name, event, payload, error } of cases) {
    it(name, () => {
      const result = validateEvent(event, payload);
      if (error) expect(result).toEqual({ ok: false, error });
      else expect(result.ok).toBe(true);
    });
  }
});
