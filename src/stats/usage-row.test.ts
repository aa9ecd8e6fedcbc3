import { describe, expect, it } from 'vitest';
import type { AccountingRecord } from './accounting-record.js';
import { recordToUsageRow, usageRowToRecord } from './usage-row.js';

const AT = Date.parse('2026-11-20T10:00:00Z');

describe('usage rows', () => {
  const records: AccountingRecord[] = [
    { kind: 'injection', sessionId: 's', tokens: 300, at: AT, hookEvent: 'SubagentStart', agentType: 'Explore' },
    { kind: 'inflight', sessionId: 's', tool: 'Bash', family: 'log', tokensBefore: 9000, tokensAfter: 1200, at: AT },
    { kind: 'guard', sessionId: 's', mode: 'enforce', tokensBefore: 2000, tokensAfter: 150, at: AT, tool: 'Read' },
    { kind: 'llm-summary', sessionId: 's', inputTokens: 3000, outputTokens: 250, at: AT },
    { kind: 'pool', sessionId: 's', event: 'deny', at: AT, reason: '4 subagents are running' },
    { kind: 'rediscovery-replaced', sessionId: 's', tokensAvoided: 1800, at: AT, key: 'src/a.ts' },
    { kind: 'pool', sessionId: 's', event: 'deny', at: AT, reason: 'busy', tokens: 64 },
    { kind: 'pool', sessionId: 's', event: 'lowered', at: AT, reason: 'rate_limit' },
    { kind: 'pool', sessionId: 's', event: 'lease', at: AT, agentType: 'Explore' },
  ];

  it.each(records.map((record) => [record.kind, record] as const))('%s survives a round trip through a usage row', (_kind, record) => {
    expect(usageRowToRecord(recordToUsageRow(record, AT))).toEqual(record);
  });

  it('puts the signed effect in tokens so per-kind totals mean something', () => {
    expect(records.map((record) => recordToUsageRow(record, AT).tokens)).toEqual([300, 7800, 1850, 3250, 0, 1800, 64, 0, 0]);
  });

  it('ignores rows of other kinds and rows whose ref is broken', () => {
    expect(usageRowToRecord({ sessionId: 's', kind: 'captured', tokens: 10, at: AT })).toBeUndefined();
    expect(usageRowToRecord({ sessionId: 's', kind: 'guard', tokens: 10, ref: '{not json', at: AT })).toBeUndefined();
    expect(usageRowToRecord({ sessionId: 's', kind: 'guard', tokens: 10, ref: '{"mode":"loud","tokensBefore":1,"tokensAfter":0}', at: AT })).toBeUndefined();
  });
});
