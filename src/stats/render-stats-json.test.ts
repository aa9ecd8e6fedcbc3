import { describe, expect, it } from 'vitest';
import { buildStatsReport } from './build-stats-report.js';
import { renderStatsJson, STATS_JSON_VERSION } from './render-stats-json.js';

describe('renderStatsJson', () => {
  it('carries the version, how each method is counted, and the figures', () => {
    const report = buildStatsReport({
      sessions: [],
      records: [{ kind: 'inflight', sessionId: 's', tool: 'Bash', family: 'log', tokensBefore: 100, tokensAfter: 40, at: 0 }],
    });
    const parsed = JSON.parse(renderStatsJson(report));
    expect(parsed.version).toBe(STATS_JSON_VERSION);
    expect(parsed.accounting).toBe('available');
    expect(parsed.methods['inflight-compression'].method).toMatch(/reduced form/);
    expect(parsed.totals.netSaved).toBe(60);
    expect(parsed.sessions[0].savings.find((line: { method: string }) => line.method === 'inflight-compression')).toEqual({ method: 'inflight-compression', count: 1, tokens: 60 });
  });
});
