import { addUsage, emptyUsage, totalTokens, type TokenUsage } from '../claude/transcript/token-usage.js';
import type { SessionTranscript, TranscriptSummary } from '../claude/transcript/transcript-summary.js';
import { instantMs, type AccountingRecord } from './accounting-record.js';
import { calibrationFactor } from '../claude/transcript/calibration-factor.js';
import type { CalibrationSample } from '../claude/transcript/measure-calibration.js';
import type { CommandStats, GroupStats, InflightFamilyLine, SavingLine, SavingMethod, SessionStats, StatsReport, UsageFigures } from './stats-report.js';

export interface StatsInput {
  /** Sessions read from Claude Code's transcripts. */
  sessions: SessionTranscript[];
  /** ctxkit's own records; undefined when they could not be read (then no savings are claimed). */
  records?: AccountingRecord[];
  /** Keep only sessions active at or after this time (whole sessions are counted). */
  since?: Date;
  /** The token estimator's calibration measured from transcripts (store state), if any. */
  calibration?: CalibrationSample;
}

/**
 * The hook events whose context counts as "injected". Context ctxkit adds next to a tool result
 * (PostToolUse hints) is already weighed by the guard's own records, so it is not counted twice.
 */
const INJECTION_EVENTS: ReadonlySet<string | undefined> = new Set([undefined, 'SessionStart', 'UserPromptSubmit', 'UserPromptExpansion', 'SubagentStart', 'Setup']);

const METHOD_ORDER: SavingMethod[] = [
  'guard-replacement',
  'inflight-compression',
  'injection-replaced-rediscovery',
  'guard-hint-notes',
  'injected-context',
  'pool-denials',
  'llm-summaries',
];

/**
 * Joins transcript figures (what the sessions used) with ctxkit's records (what ctxkit added and took
 * away) into per-session, per-command and total figures. Savings are net of ctxkit's own cost: its injected
 * context, its hint notes and any model-written summaries are subtracted. Pure.
 */
export function buildStatsReport(input: StatsInput): StatsReport {
  const hasAccounting = input.records !== undefined;
  const records = input.records ?? [];
  const sinceMs = input.since?.getTime();
  const bySession = new Map<string, { transcript?: SessionTranscript; records: AccountingRecord[] }>();
  for (const transcript of input.sessions) {
    const entry = bySession.get(transcript.sessionId);
    // The same session can be read twice (two project folders); keep the fuller file.
    if (!entry || transcriptSize(transcript) > transcriptSize(entry.transcript)) bySession.set(transcript.sessionId, { transcript, records: [] });
  }
  for (const record of records) {
    const entry = bySession.get(record.sessionId) ?? { records: [] };
    entry.records.push(record);
    bySession.set(record.sessionId, entry);
  }

  const sessions: SessionStats[] = [];
  for (const [sessionId, entry] of bySession) {
    if (sinceMs !== undefined) {
      const last = lastActivity(entry.transcript, entry.records);
      if (last === undefined || last < sinceMs) continue;
    }
    sessions.push(sessionStats(sessionId, entry.transcript, entry.records, hasAccounting));
  }
  sessions.sort((a, b) => (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff') || a.sessionId.localeCompare(b.sessionId));

  const groups = new Map<string | undefined, SessionStats[]>();
  for (const session of sessions) groups.set(session.command, [...(groups.get(session.command) ?? []), session]);
  const commands: CommandStats[] = [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b)))
    .map(([command, members]) => ({ ...(command !== undefined ? { command } : {}), ...sumGroup(members, hasAccounting) }));

  const report: StatsReport = { accounting: hasAccounting ? 'available' : 'unavailable', sessions, commands, totals: sumGroup(sessions, hasAccounting) };
  if (input.since) report.since = input.since.toISOString();
  if (input.calibration) report.calibration = { ...input.calibration, factor: calibrationFactor(input.calibration) };
  return report;
}

function sessionStats(sessionId: string, transcript: SessionTranscript | undefined, records: AccountingRecord[], hasAccounting: boolean): SessionStats {
  const files: TranscriptSummary[] = transcript ? [transcript.main, ...transcript.subagents] : [];
  const inline = transcript ? Object.values(transcript.main.inlineSidechains) : [];
  const stats: SessionStats = {
    sessionId,
    commands: transcript ? transcript.main.commands.map((command) => command.name) : [],
    models: unique(files.flatMap((file) => file.models).concat(inline.flatMap((group) => group.models))),
    hasTranscript: transcript !== undefined,
    injected: { tokens: 0, blocks: 0, source: 'none' },
    rediscoveries: { hint: 0, enforce: 0 },
    savings: [],
    inflight: [],
    subagents: transcript ? transcript.subagents.length + inline.length : 0,
    poolLeases: 0,
    poolDenials: 0,
    apiErrors: { rateLimit: 0, overloaded: 0, other: 0 },
    skippedLines: files.reduce((sum, file) => sum + file.lines.unparsable + file.lines.unknownType, 0),
  };
  if (stats.commands[0] !== undefined) stats.command = stats.commands[0];
  const startedAt = earliest(files.map((file) => file.firstAt));
  const endedAt = latest(files.map((file) => file.lastAt));
  if (startedAt) stats.startedAt = startedAt;
  if (endedAt) stats.endedAt = endedAt;

  if (transcript) {
    const subagentFiles = transcript.subagents.map((file) => ({ usage: file.usage, apiCalls: file.apiCalls })).concat(inline);
    const subagentUsage = figures(subagentFiles);
    stats.usedBySubagents = subagentUsage;
    stats.used = figures([{ usage: transcript.main.usage, apiCalls: transcript.main.apiCalls }, ...subagentFiles]);
    for (const file of files) {
      for (const context of file.ctxkitContext) {
        if (!INJECTION_EVENTS.has(context.hookEvent)) continue;
        stats.injected.tokens += context.tokens;
        stats.injected.blocks++;
      }
      for (const error of file.apiErrors) {
        if (error.isRetry) continue;
        if (error.kind === 'rate_limit') stats.apiErrors.rateLimit++;
        else if (error.kind === 'overloaded') stats.apiErrors.overloaded++;
        else stats.apiErrors.other++;
      }
    }
    stats.injected.source = 'transcript';
  }

  const lines = new Map<SavingMethod, SavingLine>(METHOD_ORDER.map((method) => [method, { method, count: 0, tokens: 0 }]));
  const add = (method: SavingMethod, tokens: number, count = 1) => {
    const line = lines.get(method)!;
    line.count += count;
    line.tokens += tokens;
  };
  for (const record of records) {
    switch (record.kind) {
      case 'injection':
        if (!transcript) {
          stats.injected.tokens += record.tokens;
          stats.injected.blocks++;
          stats.injected.source = 'accounting';
        }
        break;
      case 'guard':
        stats.rediscoveries[record.mode]++;
        add(record.mode === 'enforce' ? 'guard-replacement' : 'guard-hint-notes', record.tokensBefore - record.tokensAfter);
        break;
      case 'inflight':
        add('inflight-compression', record.tokensBefore - record.tokensAfter);
        addFamily(stats.inflight, { family: record.family, count: 1, tokensBefore: record.tokensBefore, tokensAfter: record.tokensAfter });
        break;
      case 'rediscovery-replaced':
        add('injection-replaced-rediscovery', record.tokensAvoided);
        break;
      case 'llm-summary':
        add('llm-summaries', -(record.inputTokens + record.outputTokens));
        break;
      case 'pool':
        if (record.event === 'lease') stats.poolLeases++;
        else if (record.event === 'deny') {
          stats.poolDenials++;
          add('pool-denials', -(record.tokens ?? 0));
        }
        break;
    }
  }
  if (hasAccounting) {
    add('injected-context', -stats.injected.tokens, stats.injected.blocks);
    stats.savings = [...lines.values()];
    stats.netSaved = stats.savings.reduce((sum, line) => sum + line.tokens, 0);
  }
  return stats;
}

function sumGroup(sessions: SessionStats[], hasAccounting: boolean): GroupStats {
  const group: GroupStats = {
    sessions: sessions.length,
    used: { ...emptyUsage(), total: 0, apiCalls: 0 },
    injected: { tokens: 0, blocks: 0 },
    rediscoveries: { hint: 0, enforce: 0 },
    savings: hasAccounting ? METHOD_ORDER.map((method) => ({ method, count: 0, tokens: 0 })) : [],
    inflight: [],
    subagents: 0,
    poolLeases: 0,
    poolDenials: 0,
    apiErrors: { rateLimit: 0, overloaded: 0, other: 0 },
    skippedLines: 0,
  };
  for (const session of sessions) {
    if (session.used) group.used = figures([{ usage: group.used, apiCalls: group.used.apiCalls }, { usage: session.used, apiCalls: session.used.apiCalls }]);
    group.injected.tokens += session.injected.tokens;
    group.injected.blocks += session.injected.blocks;
    group.rediscoveries.hint += session.rediscoveries.hint;
    group.rediscoveries.enforce += session.rediscoveries.enforce;
    for (const line of session.savings) {
      const total = group.savings.find((candidate) => candidate.method === line.method)!;
      total.count += line.count;
      total.tokens += line.tokens;
    }
    for (const line of session.inflight) addFamily(group.inflight, line);
    group.subagents += session.subagents;
    group.poolLeases += session.poolLeases;
    group.poolDenials += session.poolDenials;
    group.apiErrors.rateLimit += session.apiErrors.rateLimit;
    group.apiErrors.overloaded += session.apiErrors.overloaded;
    group.apiErrors.other += session.apiErrors.other;
    group.skippedLines += session.skippedLines;
  }
  if (hasAccounting) group.netSaved = group.savings.reduce((sum, line) => sum + line.tokens, 0);
  sortFamilies(group.inflight);
  return group;
}

/** Adds a family's figures to a list, merging with the line of the same family. */
function addFamily(lines: InflightFamilyLine[], line: InflightFamilyLine): void {
  const existing = lines.find((candidate) => candidate.family === line.family);
  if (!existing) return void lines.push({ ...line });
  existing.count += line.count;
  existing.tokensBefore += line.tokensBefore;
  existing.tokensAfter += line.tokensAfter;
}

/** Largest saving first, then by name: a stable order for tables and JSON. */
function sortFamilies(lines: InflightFamilyLine[]): void {
  lines.sort((a, b) => b.tokensBefore - b.tokensAfter - (a.tokensBefore - a.tokensAfter) || a.family.localeCompare(b.family));
}

function figures(parts: { usage: TokenUsage; apiCalls: number }[]): UsageFigures {
  const usage = parts.reduce((sum, part) => addUsage(sum, part.usage), emptyUsage());
  return { ...usage, total: totalTokens(usage), apiCalls: parts.reduce((sum, part) => sum + part.apiCalls, 0) };
}

function lastActivity(transcript: SessionTranscript | undefined, records: AccountingRecord[]): number | undefined {
  const times = [transcript?.main.lastAt, ...(transcript?.subagents.map((file) => file.lastAt) ?? [])]
    .map((at) => instantMs(at))
    .concat(records.map((record) => instantMs(record.at)))
    .filter((ms): ms is number => ms !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

function transcriptSize(transcript: SessionTranscript | undefined): number {
  return transcript ? transcript.main.lines.total + transcript.subagents.reduce((sum, file) => sum + file.lines.total, 0) : -1;
}

function earliest(values: (string | undefined)[]): string | undefined {
  return values.filter((value): value is string => value !== undefined).sort()[0];
}

function latest(values: (string | undefined)[]): string | undefined {
  return values.filter((value): value is string => value !== undefined).sort().at(-1);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
