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
