import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTranscripts } from '../claude/transcript/read-transcripts.js';
import { summarizeTranscript } from '../claude/transcript/transcript-summarizer.js';
import type { SessionTranscript } from '../claude/transcript/transcript-summary.js';
import type { AccountingRecord } from './accounting-record.js';
import { buildStatsReport } from './build-stats-report.js';

const PROJECT = fileURLToPath(new URL('../../tests/fixtures/transcripts/projects/-home-dev-proj', import.meta.url));
const S1 = '5f0c3a8e-2b1d-4c7a-9e3f-1a2b3c4d5e6f';
const S2 = '0b7d9e21-6c4f-4a8b-b2d1-7e8f9a0b1c2d';

/** A session whose main file holds one API response of `input` input tokens, at `at`, after `/command`. */
function session(sessionId: string, options: { at: string; input: number; command?: string; subagentInput?: number; context?: string[] }): SessionTranscript {
  const lines = [
    ...(options.command
      ? [JSON.stringify({ type: 'user', sessionId, timestamp: options.at, message: { role: 'user', content: `<command-name>${options.command}</command-name>` } })]
      : []),
    ...(options.context ?? []).map((text) =>
      JSON.stringify({ type: 'attachment', sessionId, timestamp: options.at, attachment: { type: 'hook_additional_context', hookEvent: 'SessionStart', content: [text] } }),
    ),
    JSON.stringify({ type: 'assistant', sessionId, timestamp: options.at, message: { id: `${sessionId}-m`, model: 'claude-sonnet-4-5', content: [], usage: { input_tokens: options.input, output_tokens: 10 } } }),
  ];
  const subagents =
    options.subagentInput === undefined
      ? []
      : [
          summarizeTranscript(
            [JSON.stringify({ type: 'assistant', sessionId, agentId: 'a1', isSidechain: true, timestamp: options.at, message: { id: 'sub-m', content: [], usage: { input_tokens: options.subagentInput, output_tokens: 0 } } })],
            { isSubagentFile: true },
          ),
        ];
  return { sessionId, main: summarizeTranscript(lines), subagents };
}

describe('buildStatsReport', () => {
  it('reads the fixture project: usage once per message.id, subagents included, skipped lines counted', async () => {
    const report = buildStatsReport({ sessions: await readTranscripts(PROJECT) });
    const review = report.sessions.find((s) => s.sessionId === S1)!;
    expect(review.command).toBe('/review');
    // main 19 + 2,400 + 4,300 + 230 = 6,949; subagent 11 + 1,700 + 1,500 + 120 = 3,331
    expect(review.used?.total).toBe(6949 + 3331);
    expect(review.usedBySubagents?.total).toBe(3331);
    expect(review.used?.apiCalls).toBe(5);
    expect(review.subagents).toBe(1);
    expect(review.injected.blocks).toBe(2);
    expect(review.injected.source).toBe('transcript');
    expect(review.apiErrors).toEqual({ rateLimit: 1, overloaded: 0, other: 0 });
    expect(review.skippedLines).toBe(4);
    const init = report.sessions.find((s) => s.sessionId === S2)!;
    // 2.0 session: 150 + 10 + 100 + 25 = 285 in the session, 7 + 3 = 10 in its inline subagent
    expect(init.used?.total).toBe(295);
    expect(init.subagents).toBe(1);
    expect(report.totals.used.total).toBe(6949 + 3331 + 295);
    expect(report.commands.map((c) => [c.command, c.sessions])).toEqual([
      ['/init', 1],
      ['/review', 1],
    ]);
  });

  it('claims no savings when ctxkit records are unavailable', () => {
    const report = buildStatsReport({ sessions: [session('s1', { at: '2026-11-20T10:00:00Z', input: 100, context: ['[ctxkit] fact'] })] });
    expect(report.accounting).toBe('unavailable');
    expect(report.sessions[0]?.netSaved).toBeUndefined();
    expect(report.sessions[0]?.savings).toEqual([]);
    expect(report.totals.netSaved).toBeUndefined();
    expect(report.sessions[0]?.injected.tokens).toBeGreaterThan(0);
  });

  it('nets savings against injected context, hint notes and model-written summaries, each by method', () => {
    const injected = '[ctxkit] ' + 'fact '.repeat(40);
    const sessions = [session('s1', { at: '2026-11-20T10:00:00Z', input: 5000, context: [injected] })];
    const injectedTokens = sessions[0]!.main.ctxkitContext[0]!.tokens;
    const records: AccountingRecord[] = [
      { kind: 'guard', sessionId: 's1', mode: 'enforce', tokensBefore: 3000, tokensAfter: 200, at: '2026-11-20T10:01:00Z' },
      { kind: 'guard', sessionId: 's1', mode: 'enforce', tokensBefore: 1000, tokensAfter: 100, at: '2026-11-20T10:02:00Z' },
      { kind: 'guard', sessionId: 's1', mode: 'hint', tokensBefore: 800, tokensAfter: 830, at: '2026-11-20T10:03:00Z' },
      { kind: 'inflight', sessionId: 's1', tool: 'Bash', family: 'log', tokensBefore: 12000, tokensAfter: 1500, at: '2026-11-20T10:04:00Z' },
      { kind: 'rediscovery-replaced', sessionId: 's1', tokensAvoided: 2500, at: '2026-11-20T10:05:00Z' },
      { kind: 'llm-summary', sessionId: 's1', inputTokens: 4000, outputTokens: 300 },
      { kind: 'injection', sessionId: 's1', tokens: 999, at: '2026-11-20T10:00:00Z' },
      { kind: 'pool', sessionId: 's1', event: 'lease' },
      { kind: 'pool', sessionId: 's1', event: 'deny', reason: 'busy', tokens: 60 },
      { kind: 'pool', sessionId: 's1', event: 'deny', reason: 'busy', tokens: 55 },
      { kind: 'pool', sessionId: 's1', event: 'lowered', reason: 'rate_limit' },
      { kind: 'pool', sessionId: 's1', event: 'release' },
    ];
    const report = buildStatsReport({ sessions, records });
    const stats = report.sessions[0]!;
    expect(stats.savings).toEqual([
      { method: 'guard-replacement', count: 2, tokens: 2800 + 900 },
      { method: 'inflight-compression', count: 1, tokens: 10500 },
      { method: 'injection-replaced-rediscovery', count: 1, tokens: 2500 },
      { method: 'guard-hint-notes', count: 1, tokens: -30 },
      // The transcript shows what reached the model, so the injection record is not counted again.
      { method: 'injected-context', count: 1, tokens: -injectedTokens },
      // A denial costs the reason the model read; what the subagent would have cost is not claimed as saved.
      { method: 'pool-denials', count: 2, tokens: -115 },
      { method: 'llm-summaries', count: 1, tokens: -4300 },
    ]);
    expect(stats.netSaved).toBe(3700 + 10500 + 2500 - 30 - injectedTokens - 115 - 4300);
    expect(stats.rediscoveries).toEqual({ hint: 1, enforce: 2 });
    expect(stats.poolLeases).toBe(1);
    expect(stats.poolDenials).toBe(2);
    expect(report.totals.netSaved).toBe(stats.netSaved);
  });

  it('takes injected tokens from the records for a session whose transcript is gone', () => {
    const report = buildStatsReport({
      sessions: [],
      records: [
        { kind: 'injection', sessionId: 'gone', tokens: 400, at: '2026-11-20T10:00:00Z' },
        { kind: 'inflight', sessionId: 'gone', tool: 'Grep', family: 'search', tokensBefore: 2000, tokensAfter: 500, at: '2026-11-20T10:00:00Z' },
      ],
    });
    const stats = report.sessions[0]!;
    expect(stats.hasTranscript).toBe(false);
    expect(stats.used).toBeUndefined();
    expect(stats.injected).toEqual({ tokens: 400, blocks: 1, source: 'accounting' });
    expect(stats.netSaved).toBe(1500 - 400);
  });

  it('groups by the first slash command and sums the totals', () => {
    const report = buildStatsReport({
      sessions: [
        session('a', { at: '2026-11-20T10:00:00Z', input: 100, command: '/review' }),
        session('b', { at: '2026-11-20T11:00:00Z', input: 200, command: '/review', subagentInput: 50 }),
        session('c', { at: '2026-11-20T12:00:00Z', input: 400 }),
      ],
      records: [],
    });
    expect(report.commands.map((c) => [c.command, c.sessions, c.used.total, c.subagents])).toEqual([
      ['/review', 2, 110 + 260, 1],
      [undefined, 1, 410, 0],
    ]);
    expect(report.totals.used.total).toBe(110 + 260 + 410);
    expect(report.totals.sessions).toBe(3);
  });

  it('keeps only sessions active since the given time, whole', () => {
    const sessions = [
      session('old', { at: '2026-10-01T10:00:00Z', input: 100 }),
      session('new', { at: '2026-11-20T10:00:00Z', input: 200 }),
    ];
    const records: AccountingRecord[] = [
      { kind: 'inflight', sessionId: 'old', tool: 'Bash', family: 'log', tokensBefore: 900, tokensAfter: 100, at: '2026-10-01T10:00:00Z' },
      { kind: 'inflight', sessionId: 'new', tool: 'Bash', family: 'log', tokensBefore: 500, tokensAfter: 100, at: '2026-11-20T10:00:00Z' },
      { kind: 'inflight', sessionId: 'recordsonly', tool: 'Bash', family: 'log', tokensBefore: 50, tokensAfter: 10, at: 1_700_000_000_000 },
    ];
    const report = buildStatsReport({ sessions, records, since: new Date('2026-11-01T00:00:00Z') });
    expect(report.sessions.map((s) => s.sessionId)).toEqual(['new']);
    expect(report.totals.netSaved).toBe(400);
    expect(report.since).toBe('2026-11-01T00:00:00.000Z');
  });
});
