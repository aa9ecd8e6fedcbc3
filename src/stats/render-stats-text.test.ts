import { describe, expect, it } from 'vitest';
import { summarizeTranscript } from '../claude/transcript/transcript-summarizer.js';
import { buildStatsReport } from './build-stats-report.js';
import { renderStatsText } from './render-stats-text.js';

const main = (sessionId: string, input: number, command?: string) =>
  summarizeTranscript([
    ...(command ? [JSON.stringify({ type: 'user', timestamp: '2026-11-20T09:15:00Z', message: { role: 'user', content: `<command-name>${command}</command-name>` } })] : []),
    JSON.stringify({ type: 'assistant', sessionId, timestamp: '2026-11-20T09:15:00Z', message: { id: `${sessionId}m`, content: [], usage: { input_tokens: input, output_tokens: 0 } } }),
  ]);

/** The cells of the table row whose first cell is `first`, split on the column gaps. */
function row(text: string, first: string): string[] | undefined {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/))
    .find((cells) => cells[0] === first);
}

describe('renderStatsText', () => {
  const sessions = [
    { sessionId: 'aaaaaaaa-1111', main: main('aaaaaaaa-1111', 1234567, '/review'), subagents: [] },
    { sessionId: 'bbbbbbbb-2222', main: main('bbbbbbbb-2222', 900), subagents: [] },
  ];

  it('prints aligned rows per session and per command, with thousands separators and net savings', () => {
    const report = buildStatsReport({
      sessions,
      records: [
        { kind: 'inflight', sessionId: 'aaaaaaaa-1111', tool: 'Bash', family: 'log', tokensBefore: 15000, tokensAfter: 2500, at: '2026-11-20T09:16:00Z' },
        { kind: 'guard', sessionId: 'aaaaaaaa-1111', mode: 'hint', tokensBefore: 100, tokensAfter: 120, at: '2026-11-20T09:17:00Z' },
        { kind: 'pool', sessionId: 'bbbbbbbb-2222', event: 'deny' },
      ],
    });
    const text = renderStatsText(report);
    expect(text.startsWith('ctxkit stats: 2 sessions\n')).toBe(true);
    expect(row(text, 'Session')).toEqual(['Session', 'Command', 'Started (UTC)', 'Used', 'Injected', 'Rediscovered', 'Saved (net)', 'Subagents', 'Pool denied']);
    expect(row(text, 'aaaaaaaa')).toEqual(['aaaaaaaa', '/review', '2026-11-20 09:15', '1,234,567', '0', '1/0', '+12,480', '0', '0']);
    expect(row(text, 'bbbbbbbb')).toEqual(['bbbbbbbb', '(none)', '2026-11-20 09:15', '900', '0', '0/0', '0', '0', '1']);
    expect(row(text, 'total')).toEqual(['total', '2', '1,235,467', '0', '1/0', '+12,480', '0', '1']);
    expect(row(text, 'in-flight compression')).toEqual(['in-flight compression', '1', '+12,500', 'size of the tool output minus its reduced form']);
    expect(row(text, 'guard hints (cost)')?.slice(0, 3)).toEqual(['guard hints (cost)', '1', '-20']);
    expect(row(text, 'net')?.slice(0, 2)).toEqual(['net', '+12,480']);
    // Columns line up: every session row puts "Used" at the same right edge as its header.
    const lines = text.split('\n');
    const header = lines.find((line) => line.startsWith('Session'))!;
    const usedEnd = header.indexOf('Used') + 'Used'.length;
    const first = lines.find((line) => line.startsWith('aaaaaaaa'))!;
    const second = lines.find((line) => line.startsWith('bbbbbbbb'))!;
    expect(first.indexOf('1,234,567') + '1,234,567'.length).toBe(second.indexOf('900') + 3);
    expect(first.indexOf('1,234,567') + '1,234,567'.length).toBeGreaterThanOrEqual(usedEnd);
  });

  it('breaks in-flight compression down by output family, per session and in total', () => {
    const report = buildStatsReport({
      sessions,
      records: [
        { kind: 'inflight', sessionId: 'aaaaaaaa-1111', tool: 'Bash', family: 'test', tokensBefore: 8000, tokensAfter: 600, at: '2026-11-20T09:16:00Z' },
        { kind: 'inflight', sessionId: 'aaaaaaaa-1111', tool: 'Bash', family: 'lint', tokensBefore: 3000, tokensAfter: 900, at: '2026-11-20T09:17:00Z' },
        { kind: 'inflight', sessionId: 'bbbbbbbb-2222', tool: 'Bash', family: 'test', tokensBefore: 2000, tokensAfter: 400, at: '2026-11-20T09:18:00Z' },
      ],
    });
    expect(report.sessions.find((s) => s.sessionId === 'aaaaaaaa-1111')!.inflight).toEqual([
      { family: 'test', count: 1, tokensBefore: 8000, tokensAfter: 600 },
      { family: 'lint', count: 1, tokensBefore: 3000, tokensAfter: 900 },
    ]);
    expect(report.totals.inflight).toEqual([
      { family: 'test', count: 2, tokensBefore: 10000, tokensAfter: 1000 },
      { family: 'lint', count: 1, tokensBefore: 3000, tokensAfter: 900 },
    ]);
    const text = renderStatsText(report);
    expect(text).toContain('In-flight compression by output family (all sessions)');
    expect(row(text, 'Family')).toEqual(['Family', 'Outputs', 'Before', 'Model saw', 'Share', 'Saved']);
    expect(row(text, 'test')).toEqual(['test', '2', '10,000', '1,000', '10%', '+9,000']);
    expect(row(text, 'lint')).toEqual(['lint', '1', '3,000', '900', '30%', '+2,100']);
  });

  it('says how the token estimator compares with what the API counted', () => {
    const calibrated = renderStatsText(buildStatsReport({ sessions, records: [], calibration: { real: 1200, estimated: 1000, samples: 12 } }));
    expect(calibrated).toContain("- Token estimates: the API counted 1.20 times ctxkit's offline estimate over 12 samples from transcripts; injection budgets are packed by it.");
    const early = buildStatsReport({ sessions, records: [], calibration: { real: 900, estimated: 1000, samples: 2 } });
    expect(early.calibration).toEqual({ real: 900, estimated: 1000, samples: 2, factor: 1 });
    expect(renderStatsText(early)).toContain('over 2 samples from transcripts (too few to use yet).');
  });

  it('says ctxkit figures are unavailable instead of printing savings', () => {
    const text = renderStatsText(buildStatsReport({ sessions }));
    expect(row(text, 'aaaaaaaa')?.slice(5, 9)).toEqual(['n/a', 'n/a', '0', 'n/a']);
    expect(text).toContain('ctxkit figures unavailable');
    expect(text).not.toContain('Saved and spent by ctxkit');
  });

  it('says so when there are no sessions', () => {
    expect(renderStatsText(buildStatsReport({ sessions: [], records: [], since: new Date('2026-11-01T00:00:00Z') }))).toBe(
      'ctxkit stats: 0 sessions active since 2026-11-01 00:00 UTC (whole sessions)\n\nNo sessions found.\n',
    );
  });
});
