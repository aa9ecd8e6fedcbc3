import type { AccountingRecord } from './accounting-record.js';

/**
 * One row of the store's `usage` table (`src/store`: session_id, agent_id, kind, tokens, ref, created_at).
 * Declared here by shape so the stats core does not depend on the store.
 */
export interface UsageRow {
  sessionId: string;
  agentId?: string;
  kind: string;
  tokens: number;
  ref?: string;
  at: number;
}

/**
 * Turns an accounting record into a `usage` row: `kind` is the record's kind, `tokens` its signed effect
 * (saved for guard/inflight/rediscovery, spent for injection/llm-summary and pool denial texts, else 0) so the store's
 * per-kind totals stay meaningful, and `ref` holds the remaining fields as JSON.
 */
export function recordToUsageRow(record: AccountingRecord, at: number, agentId?: string): UsageRow {
  const { kind, sessionId, at: _at, ...rest } = record as AccountingRecord & { at?: unknown };
  const row: UsageRow = { sessionId, kind, tokens: effectTokens(record), ref: JSON.stringify(rest), at };
  if (agentId !== undefined) row.agentId = agentId;
  return row;
}

/** Reads a `usage` row back as an accounting record; undefined for rows of other kinds or broken refs. */
export function usageRowToRecord(row: UsageRow): AccountingRecord | undefined {
  let rest: Record<string, unknown> = {};
  if (row.ref !== undefined && row.ref !== '') {
    try {
      const parsed: unknown = JSON.parse(row.ref);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) rest = parsed as Record<string, unknown>;
      else return undefined;
    } catch {
      return undefined;
    }
  }
  const base = { sessionId: row.sessionId, at: row.at };
  const num = (key: string) => (typeof rest[key] === 'number' ? (rest[key] as number) : undefined);
  const str = (key: string) => (typeof rest[key] === 'string' ? (rest[key] as string) : undefined);
  switch (row.kind) {
    case 'injection':
      return { kind: 'injection', ...base, tokens: num('tokens') ?? row.tokens, ...opt('hookEvent', str('hookEvent')), ...opt('agentType', str('agentType')) };
    case 'inflight': {
      const before = num('tokensBefore');
      const after = num('tokensAfter');
      if (before === undefined || after === undefined) return undefined;
      return { kind: 'inflight', ...base, tool: str('tool') ?? 'unknown', family: str('family') ?? 'unknown', tokensBefore: before, tokensAfter: after };
    }
    case 'guard': {
      const before = num('tokensBefore');
      const after = num('tokensAfter');
      const mode = str('mode');
      if (before === undefined || after === undefined || (mode !== 'hint' && mode !== 'enforce')) return undefined;
      return { kind: 'guard', ...base, mode, tokensBefore: before, tokensAfter: after, ...opt('tool', str('tool')) };
    }
    case 'llm-summary':
      return { kind: 'llm-summary', ...base, inputTokens: num('inputTokens') ?? row.tokens, outputTokens: num('outputTokens') ?? 0 };
    case 'pool': {
      const event = str('event');
      if (event !== 'lease' && event !== 'deny' && event !== 'release' && event !== 'lowered') return undefined;
      const tokens = num('tokens');
      return { kind: 'pool', ...base, event, ...opt('reason', str('reason')), ...opt('agentType', str('agentType')), ...(tokens !== undefined ? { tokens } : {}) };
    }
    case 'rediscovery-replaced':
      return { kind: 'rediscovery-replaced', ...base, tokensAvoided: num('tokensAvoided') ?? row.tokens, ...opt('key', str('key')) };
    default:
      return undefined;
  }
}

function effectTokens(record: AccountingRecord): number {
  switch (record.kind) {
    case 'injection':
      return record.tokens;
    case 'inflight':
    case 'guard':
      return record.tokensBefore - record.tokensAfter;
    case 'llm-summary':
      return record.inputTokens + record.outputTokens;
    case 'pool':
      return record.tokens ?? 0;
    case 'rediscovery-replaced':
      return record.tokensAvoided;
  }
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
