import { hasStore } from '../store/has-store.js';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { SessionTranscript } from '../claude/transcript/transcript-summary.js';
import type { CalibrationSample } from '../claude/transcript/measure-calibration.js';
import type { AccountingRecord } from '../stats/accounting-record.js';
import type { UsageRow } from '../stats/usage-row.js';
import { defineCommand, type CommandIO } from './command.js';
import { UsageError, UserError } from './errors.js';

/** What `stats` could read of ctxkit's own records, and why not when it could not. */
type Accounting = { records: AccountingRecord[]; calibration?: CalibrationSample } | { records: undefined; why: string };

export default defineCommand({
  name: 'stats',
  summary: 'Tokens used, injected and saved, per session',
  usage: 'ctxkit stats [--json] [--since DATE|7d] [--transcripts PATH]',
  options: {
    json: { type: 'boolean', description: 'Print the report as JSON' },
    since: { type: 'string', valueName: 'when', description: 'Only sessions active since a date (2026-11-01), a time (ISO 8601) or a span (12h, 7d, 2w)' },
    transcripts: { type: 'string', valueName: 'path', description: "A transcript file or folder instead of Claude Code's folder for this project" },
  },
  details: [
    "Reads Claude Code's transcripts for this project (~/.claude/projects/<project>/, or",
    '$CLAUDE_CONFIG_DIR/projects) and ctxkit\'s own records from its store. Usage counts each',
    'API response once (by message.id) and includes subagents. Savings are net of what ctxkit',
    'itself added, and each is listed with how it is counted.',
    '',
    'Examples:',
    '  ctxkit stats',
    '  ctxkit stats --since 7d',
    '  ctxkit stats --json --transcripts ~/.claude/projects/-home-dev-proj',
  ].join('\n'),
  async run(args, io) {
    const { parseSince } = await import('../stats/parse-since.js');
    const sinceText = args.values.since as string | undefined;
    const since = sinceText === undefined ? undefined : parseSince(sinceText, Date.now());
    if (sinceText !== undefined && since === undefined) {
      throw new UsageError(`--since expects a date (2026-11-01), an ISO time or a span like 12h, 7d or 2w, got '${sinceText}'.`);
    }
    const root = io.env.CLAUDE_PROJECT_DIR || io.cwd;
    const sessions = await readSessions(args.values.transcripts as string | undefined, root, io, since);
    const accounting = await readAccounting(root);

    const { buildStatsReport } = await import('../stats/build-stats-report.js');
    const calibration = accounting.records === undefined ? undefined : accounting.calibration;
    const report = buildStatsReport({ sessions, records: accounting.records, ...(since ? { since } : {}), ...(calibration ? { calibration } : {}) });
    if (args.values.json) {
      const { renderStatsJson } = await import('../stats/render-stats-json.js');
      io.stdout(renderStatsJson(report));
    } else {
      const { renderStatsText } = await import('../stats/render-stats-text.js');
      io.stdout(renderStatsText(report));
    }
    if (accounting.records === undefined) io.stderr(`ctxkit stats: ctxkit figures unavailable: ${accounting.why}\n`);
    return 0;
  },
});

async function readSessions(target: string | undefined, root: string, io: CommandIO, since: Date | undefined): Promise<SessionTranscript[]> {
  const options = since ? { modifiedSince: since } : {};
  const { findProjectTranscriptFolders, readTranscripts } = await import('../claude/transcript/read-transcripts.js');
  if (target !== undefined) {
    const path = resolve(io.cwd, target);
    try {
      return await readTranscripts(path, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`Cannot read transcripts at '${target}': ${code ?? (error as Error).message}.`);
    }
  }
  const folders = await findProjectTranscriptFolders(root, io.env, io.env.HOME || homedir());
  if (folders.length === 0) {
    const { claudeProjectsDir, projectFolderName } = await import('../claude/transcript/project-folder.js');
    io.stderr(
      `ctxkit stats: no Claude Code transcripts for ${root} (looked for ${resolve(claudeProjectsDir(io.env, io.env.HOME || homedir()), projectFolderName(root))}); use --transcripts PATH to name them.\n`,
    );
    return [];
  }
  const sessions: SessionTranscript[] = [];
  for (const folder of folders) sessions.push(...(await readTranscripts(folder, options)));
  return sessions;
}

/** Reads ctxkit's records from the store's `usage` table, without creating a store that is not there. */
async function readAccounting(root: string): Promise<Accounting> {
  const { loadConfig } = await import('../config/load-config.js');
  const { storePaths } = await import('../store/store-paths.js');
  let storeDir: string;
  try {
    storeDir = loadConfig(root).store.dir;
  } catch (error) {
    return { records: undefined, why: `ctxkit.config.json could not be read (${(error as Error).message}).` };
  }
  const paths = storePaths(root, storeDir);
  if (!hasStore(paths)) return { records: undefined, why: `no ctxkit store at ${paths.db} yet (are the hooks installed?).` };
  const { openSqliteStore } = await import('../store/sqlite-store.js');
  const { store } = openSqliteStore(paths.db);
  try {
    // Every row: --since keeps whole sessions, so a session's earlier records still count.
    const rows: UsageRow[] = await store.listUsage({});
    const [{ usageRowToRecord }, { readCalibration }] = await Promise.all([import('../stats/usage-row.js'), import('../synthesis/calibration.js')]);
    const calibration = await readCalibration(store);
    return { records: rows.map(usageRowToRecord).filter((record): record is AccountingRecord => record !== undefined), ...(calibration ? { calibration } : {}) };
  } finally {
    await store.close();
  }
}
