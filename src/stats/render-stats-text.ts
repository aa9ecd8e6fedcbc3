import { formatCount, formatTable, type Align } from './format-table.js';
import { SAVING_METHODS, type GroupStats, type SessionStats, type StatsReport } from './stats-report.js';

const NONE = '(none)';

/**
 * Renders a report for people: a table per session, one per command, the savings by method with how
 * each is counted, and notes on what the figures include. Times are UTC. Pure.
 */
export function renderStatsText(report: StatsReport): string {
  const out: string[] = [];
  const count = report.sessions.length;
  const scope = report.since ? ` active since ${displayTime(report.since)} UTC (whole sessions)` : '';
  out.push(`ctxkit stats: ${count} session${count === 1 ? '' : 's'}${scope}`);
  if (count === 0) {
    out.push('', 'No sessions found.');
    return `${out.join('\n')}\n`;
  }
  const hasAccounting = report.accounting === 'available';

  out.push('', 'Sessions');
  out.push(
    formatTable(
      ['Session', 'Command', 'Started (UTC)', 'Used', 'Injected', 'Rediscovered', 'Saved (net)', 'Subagents', 'Pool denied'],
      report.sessions.map((session) => [
        session.sessionId.slice(0, 8),
        session.command ?? NONE,
        session.startedAt ? displayTime(session.startedAt) : '?',
        session.used ? formatCount(session.used.total) : 'no transcript',
        formatCount(session.injected.tokens),
        rediscovered(session, hasAccounting),
        saved(session.netSaved),
        String(session.subagents),
        hasAccounting ? String(session.poolDenials) : 'n/a',
      ]),
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );

  out.push('', 'By command');
  out.push(
    formatTable(
      ['Command', 'Sessions', 'Used', 'Injected', 'Rediscovered', 'Saved (net)', 'Subagents', 'Pool denied'],
      [
        ...report.commands.map((group) => groupRow(group.command ?? NONE, group, hasAccounting)),
        groupRow('total', report.totals, hasAccounting),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );

  const totals = report.totals;
  if (hasAccounting) {
    out.push('', 'Saved and spent by ctxkit (all sessions; + saved, - spent)');
    const align: Align[] = ['left', 'right', 'right', 'left'];
    const rows = totals.savings.map((line) => [SAVING_METHODS[line.method].label, String(line.count), formatCount(line.tokens, { signed: true }), SAVING_METHODS[line.method].method]);
    rows.push(['net', '', formatCount(totals.netSaved ?? 0, { signed: true }), 'sum of the lines above']);
    out.push(formatTable(['Method', 'Count', 'Tokens', 'How it is counted'], rows, align));
    if (totals.inflight.length > 0) {
      out.push('', 'In-flight compression by output family (all sessions)');
      const familyRows = totals.inflight.map((line) => [
        line.family,
        String(line.count),
        formatCount(line.tokensBefore),
        formatCount(line.tokensAfter),
        `${Math.round((line.tokensAfter / Math.max(1, line.tokensBefore)) * 100)}%`,
        formatCount(line.tokensBefore - line.tokensAfter, { signed: true }),
      ]);
      out.push(formatTable(['Family', 'Outputs', 'Before', 'Model saw', 'Share', 'Saved'], familyRows, ['left', 'right', 'right', 'right', 'right', 'right']));
    }
  }

  out.push('', 'Notes');
  const used = totals.used;
  out.push(
    `- Used: ${formatCount(used.total)} tokens = input ${formatCount(used.inputTokens)} + cache writes ${formatCount(used.cacheCreationInputTokens)} + cache reads ${formatCount(used.cacheReadInputTokens)} + output ${formatCount(used.outputTokens)}, in ${formatCount(used.apiCalls)} API responses, each counted once (by message.id), subagents included.`,
  );
  out.push("- Injected: ctxkit's context blocks as the transcripts show them (from ctxkit's records for sessions without a transcript).");
  if (report.calibration) {
    const { factor, samples } = report.calibration;
    out.push(`- Token estimates: the API counted ${factor.toFixed(2)} times ctxkit's offline estimate over ${formatCount(samples)} samples from transcripts${samples < 3 ? ' (too few to use yet)' : '; injection budgets are packed by it'}.`);
  }
  if (!hasAccounting) {
    out.push("- ctxkit figures unavailable: ctxkit's own records (rediscoveries, compression, pool) could not be read from the store, so no savings are shown.");
  } else {
    out.push('- Rediscovered: tool outputs another session or agent had already captured, answered with a hint / replaced (enforce).');
    out.push('- Savings count each token once, where it would have entered the context; later turns would have re-read it, so real savings are higher.');
  }
  const errors = totals.apiErrors;
  if (errors.rateLimit + errors.overloaded + errors.other > 0) {
    out.push(`- API errors that ended a turn: ${errors.rateLimit} rate limit, ${errors.overloaded} overloaded, ${errors.other} other.`);
  }
  if (totals.skippedLines > 0) {
    out.push(`- ${formatCount(totals.skippedLines)} transcript line${totals.skippedLines === 1 ? '' : 's'} skipped (not JSON, or a kind this version does not know).`);
  }
  return `${out.join('\n')}\n`;
}

function groupRow(name: string, group: GroupStats, hasAccounting: boolean): string[] {
  return [
    name,
    String(group.sessions),
    formatCount(group.used.total),
    formatCount(group.injected.tokens),
    hasAccounting ? `${group.rediscoveries.hint}/${group.rediscoveries.enforce}` : 'n/a',
    saved(group.netSaved),
    String(group.subagents),
    hasAccounting ? String(group.poolDenials) : 'n/a',
  ];
}

function rediscovered(session: SessionStats, hasAccounting: boolean): string {
  return hasAccounting ? `${session.rediscoveries.hint}/${session.rediscoveries.enforce}` : 'n/a';
}

function saved(net: number | undefined): string {
  return net === undefined ? 'n/a' : formatCount(net, { signed: true });
}

function displayTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
