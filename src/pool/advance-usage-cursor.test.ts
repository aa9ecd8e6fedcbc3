import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeTranscript } from '../claude/transcript/transcript-summarizer.js';
import { totalTokens } from '../claude/transcript/token-usage.js';
import { advanceUsageCursor, emptyUsageCursor } from './advance-usage-cursor.js';

const FIXTURE = new URL('../../tests/fixtures/transcripts/projects/-home-dev-proj/5f0c3a8e-2b1d-4c7a-9e3f-1a2b3c4d5e6f.jsonl', import.meta.url);

const line = (id: string, output: number, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ type: 'assistant', message: { id, model: 'claude-sonnet-4-5', usage: { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 100, output_tokens: output } }, ...extra })}\n`;

describe('advanceUsageCursor', () => {
  it('counts one API response once across its lines, keeping its largest figures', () => {
    const text = line('msg_1', 5) + line('msg_1', 20) + '{"type":"user","message":{"content":"x"}}\n' + line('msg_2', 1);
    expect(advanceUsageCursor(emptyUsageCursor(), text)).toEqual({
      offset: Buffer.byteLength(text),
      mainTokens: 130 + 111,
      subagentTokens: 0,
      lastMessageId: 'msg_2',
      lastMessageTokens: 111,
    });
  });

  it('continues a response split across two slices without counting it twice', () => {
    const first = line('msg_1', 5);
    const second = line('msg_1', 9) + line('msg_2', 0);
    const once = advanceUsageCursor(emptyUsageCursor(), first + second);
    const twice = advanceUsageCursor(advanceUsageCursor(emptyUsageCursor(), first), second);
    expect(twice).toEqual(once);
    expect(twice.mainTokens).toBe(119 + 110);
  });

  it('leaves sidechain and synthetic lines out, and skips lines that do not parse', () => {
    const text = line('msg_s', 50, { isSidechain: true }) + `{"type":"assistant","message":{"id":"e","model":"<synthetic>","usage":{"input_tokens":9}}}\n` + '{"type":"assistant","usage" broken\n';
    expect(advanceUsageCursor(emptyUsageCursor(), text).mainTokens).toBe(0);
  });

  it("agrees with the transcript reader's dedup on a real-shaped session file", () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const summary = summarizeTranscript(text.split('\n'));
    expect(advanceUsageCursor(emptyUsageCursor(), text).mainTokens).toBe(totalTokens(summary.usage));
  });
});
