import { describe, expect, it } from 'vitest';
import { summarizeTranscript } from './transcript-summarizer.js';

const assistant = (id: string, usage: Record<string, number>, content: unknown[] = [], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'assistant',
    uuid: `u-${Math.random()}`,
    sessionId: 's1',
    timestamp: '2026-11-20T10:00:00.000Z',
    message: { id, model: 'claude-sonnet-4-5', role: 'assistant', content, usage },
    ...extra,
  });

const usage = (input: number, cacheWrite: number, cacheRead: number, output: number) => ({
  input_tokens: input,
  cache_creation_input_tokens: cacheWrite,
  cache_read_input_tokens: cacheRead,
  output_tokens: output,
});

describe('summarizeTranscript', () => {
  it('counts an API response once however many lines carry its message.id', () => {
    const summary = summarizeTranscript([
      assistant('msg_1', usage(10, 100, 0, 5), [{ type: 'thinking', thinking: 'x' }]),
      assistant('msg_1', usage(10, 100, 0, 5), [{ type: 'text', text: 'y' }]),
      assistant('msg_1', usage(10, 100, 0, 5), [{ type: 'tool_use', id: 't1', name: 'Read', input: { file_path: 'a' } }]),
      assistant('msg_2', usage(1, 0, 110, 7)),
    ]);
    expect(summary.usage).toEqual({ inputTokens: 11, cacheCreationInputTokens: 100, cacheReadInputTokens: 110, outputTokens: 12 });
    expect(summary.apiCalls).toBe(2);
    expect(summary.usageByModel['claude-sonnet-4-5']?.apiCalls).toBe(2);
  });

  it('keeps the largest output_tokens of a repeated message.id (earlier lines hold a placeholder)', () => {
    const summary = summarizeTranscript([assistant('msg_1', usage(3, 0, 0, 1)), assistant('msg_1', usage(3, 0, 0, 250)), assistant('msg_1', usage(3, 0, 0, 1))]);
    expect(summary.usage.outputTokens).toBe(250);
    expect(summary.usage.inputTokens).toBe(3);
  });

  it('skips and counts lines it cannot parse or does not know', () => {
    const summary = summarizeTranscript([
      'not json',
      '',
      '[1,2]',
      '{"type":"brand-new-line-kind"}',
      '{"no":"type"}',
      '{"type":"assistant","message":{"id":"m","usage":{"input_tokens":4',
      assistant('msg_1', usage(2, 0, 0, 2)),
      '{"type":"summary","summary":"x","leafUuid":"y"}',
    ]);
    expect(summary.lines).toEqual({ total: 7, read: 2, unparsable: 3, unknownType: 2, byType: { assistant: 1, summary: 1 } });
    expect(summary.usage.inputTokens).toBe(2);
  });

  it('lists each tool call once and names tool results after their call', () => {
    const call = { type: 'tool_use', id: 'toolu_1', name: 'Grep', input: { pattern: 'foo' } };
    const summary = summarizeTranscript([
      assistant('msg_1', usage(1, 0, 0, 1), [call]),
      assistant('msg_1', usage(1, 0, 0, 1), [call]),
      JSON.stringify({
        type: 'user',
        timestamp: '2026-11-20T10:00:01.000Z',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'src/a.ts\nsrc/b.ts' }] },
        toolUseResult: { mode: 'files_with_matches', filenames: ['src/a.ts', 'src/b.ts'] },
      }),
    ]);
    expect(summary.toolCalls).toEqual([{ id: 'toolu_1', name: 'Grep', input: { pattern: 'foo' }, at: '2026-11-20T10:00:00.000Z' }]);
    expect(summary.toolResults).toHaveLength(1);
    expect(summary.toolResults[0]).toMatchObject({ toolUseId: 'toolu_1', toolName: 'Grep', isError: false });
    expect(summary.toolResults[0]?.tokens).toBeGreaterThan(0);
    expect(summary.toolResults[0]?.result).toBeUndefined();
  });

  it('keeps structured tool results only when asked', () => {
    const line = JSON.stringify({
      type: 'user',
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] },
      toolUseResult: { stdout: 'ok', stderr: '' },
    });
    expect(summarizeTranscript([line], { keepToolResults: true }).toolResults[0]?.result).toEqual({ stdout: 'ok', stderr: '' });
  });

  it('separates ctxkit context from other hooks by the marker at the start of the block', () => {
    const attachment = JSON.stringify({
      type: 'attachment',
      timestamp: '2026-11-20T10:00:00.000Z',
      attachment: {
        type: 'hook_additional_context',
        hookEvent: 'UserPromptSubmit',
        hookName: 'UserPromptSubmit',
        content: ['[ctxkit] two facts about the loader', 'other hook text that mentions [ctxkit] later'],
      },
    });
    const summary = summarizeTranscript([attachment]);
    expect(summary.ctxkitContext).toHaveLength(1);
    expect(summary.ctxkitContext[0]).toMatchObject({ hookEvent: 'UserPromptSubmit', chars: '[ctxkit] two facts about the loader'.length });
    expect(summary.otherHookContextTokens).toBeGreaterThan(0);
  });

  it('records API errors by kind, from the error field, a status or the text', () => {
    const error = (extra: Record<string, unknown>, text: string) =>
      JSON.stringify({
        type: 'assistant',
        message: { id: `e${Math.random()}`, model: '<synthetic>', content: [{ type: 'text', text }], usage: usage(0, 0, 0, 0) },
        ...extra,
      });
    const summary = summarizeTranscript([
      error({ isApiErrorMessage: true, error: 'rate_limit' }, 'API Error: Request rejected (429)'),
      error({ isApiErrorMessage: true }, 'API Error: 529 {"type":"overloaded_error"}'),
      error({}, 'API Error: Repeated 529 Overloaded errors'),
      JSON.stringify({ type: 'system', subtype: 'api_error', error: { status: 429 }, retryAttempt: 1 }),
    ]);
    expect(summary.apiErrors.map((e) => [e.kind, e.isRetry])).toEqual([
      ['rate_limit', false],
      ['overloaded', false],
      ['overloaded', false],
      ['rate_limit', true],
    ]);
    expect(summary.models).toEqual([]);
    expect(summary.apiCalls).toBe(0);
  });

  it('does not take an ordinary answer that mentions 429 for an API error', () => {
    const summary = summarizeTranscript([assistant('m', usage(1, 0, 0, 1), [{ type: 'text', text: 'The server returns 429 when rate limited.' }])]);
    expect(summary.apiErrors).toEqual([]);
  });

  it('finds the slash command and its arguments', () => {
    const summary = summarizeTranscript([
      JSON.stringify({
        type: 'user',
        timestamp: '2026-11-20T10:00:00.000Z',
        message: { role: 'user', content: '<command-message>review</command-message>\n<command-name>/review</command-name>\n<command-args>src/a.ts</command-args>' },
      }),
      JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: '<command-name>ns:deploy</command-name>' }] } }),
    ]);
    expect(summary.commands).toEqual([
      { name: '/review', args: 'src/a.ts', at: '2026-11-20T10:00:00.000Z' },
      { name: '/ns:deploy' },
    ]);
  });

  it('keeps inline sidechain usage (older layout) apart from the session usage', () => {
    const summary = summarizeTranscript([
      assistant('msg_main', usage(10, 0, 0, 1)),
      assistant('msg_side', usage(5, 0, 0, 2), [], { isSidechain: true, agentId: 'ag1' }),
      assistant('msg_side2', usage(1, 0, 0, 1), [], { isSidechain: true }),
    ]);
    expect(summary.usage.inputTokens).toBe(10);
    expect(summary.inlineSidechains).toEqual({
      ag1: { usage: { inputTokens: 5, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, outputTokens: 2 }, apiCalls: 1, models: ['claude-sonnet-4-5'] },
      sidechain: { usage: { inputTokens: 1, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, outputTokens: 1 }, apiCalls: 1, models: ['claude-sonnet-4-5'] },
    });
  });

  it('takes the envelope and the time span from the lines', () => {
    const summary = summarizeTranscript([
      JSON.stringify({ type: 'user', sessionId: 's9', cwd: '/p', version: '2.0.14', timestamp: '2026-11-20T10:05:00.000Z', message: { role: 'user', content: 'hi' } }),
      JSON.stringify({ type: 'user', sessionId: 's9', version: '2.1.197', gitBranch: 'dev', timestamp: '2026-11-20T10:00:00.000Z', message: { role: 'user', content: 'hi' } }),
    ]);
    expect(summary).toMatchObject({ sessionId: 's9', cwd: '/p', version: '2.1.197', gitBranch: 'dev', firstAt: '2026-11-20T10:00:00.000Z', lastAt: '2026-11-20T10:05:00.000Z' });
  });
});
