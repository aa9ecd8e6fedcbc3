import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { claudeProjectsDir, projectFolderName, projectFolderPrefix } from './project-folder.js';
import { TranscriptSummarizer, type SummarizerOptions } from './transcript-summarizer.js';
import type { SessionTranscript, TranscriptSummary } from './transcript-summary.js';

export interface ReadOptions extends SummarizerOptions {
  /**
   * In a folder, skip session files last written before this time: Claude Code appends to a session's file
   * as it goes, so an older file holds no activity since then. Saves reading months of history for `--since`.
   */
  modifiedSince?: Date;
}

/**
 * Reads one transcript file line by line (a session of any size stays out of memory) and summarizes it.
 * Throws when the file cannot be opened.
 */
export async function readTranscriptFile(path: string, options: SummarizerOptions = {}): Promise<TranscriptSummary> {
  const summarizer = new TranscriptSummarizer(options);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) summarizer.addLine(line);
  return summarizer.finish();
}

/**
 * Reads a session: its main file `<folder>/<sessionId>.jsonl` and every subagent file under
 * `<folder>/<sessionId>/subagents/` (2.1 layout, any depth), with each subagent's type from its
 * `agent-<id>.meta.json` or from the parent's Agent call.
 */
export async function readSessionTranscript(mainPath: string, options: SummarizerOptions = {}): Promise<SessionTranscript> {
  const main = await readTranscriptFile(mainPath, options);
  const sessionId = basename(mainPath, '.jsonl');
  const agentFiles = await listAgentFiles(join(dirname(mainPath), sessionId, 'subagents'));
  const subagents: TranscriptSummary[] = [];
  for (const file of agentFiles) {
    const subagent = await readSubagentFile(file, options);
    if (subagent) subagents.push(subagent);
  }
  return { sessionId: main.sessionId ?? sessionId, path: mainPath, main, subagents: subagents.map((agent) => withAgentType(agent, main)) };
}

/**
 * Reads every session in a project folder (`~/.claude/projects/<name>/`), or the one session a `.jsonl`
 * path names. Subagent files of the 2.0 layout (`agent-<id>.jsonl` beside the session files, their lines
 * carrying the parent's `sessionId`) are attached to their session. Sessions are sorted by start time.
 */
export async function readTranscripts(target: string, options: ReadOptions = {}): Promise<SessionTranscript[]> {
  const info = await stat(target);
  if (info.isFile()) {
    if (isAgentFileName(basename(target))) {
      const subagent = await readSubagentFile(target, options);
      if (!subagent) return [];
      return [{ sessionId: subagent.sessionId ?? basename(target, '.jsonl'), main: summaryOfNothing(), subagents: [subagent] }];
    }
    return [await readSessionTranscript(target, options)];
  }
  const entries = await readdir(target, { withFileTypes: true });
  const sessions: SessionTranscript[] = [];
  const looseAgents: TranscriptSummary[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.jsonl')) continue;
    const path = join(target, entry.name);
    try {
      if (options.modifiedSince && (await stat(path)).mtimeMs < options.modifiedSince.getTime()) continue;
      if (isAgentFileName(entry.name)) {
        const subagent = await readSubagentFile(path, options);
        if (subagent) looseAgents.push(subagent);
      } else {
        sessions.push(await readSessionTranscript(path, options));
      }
    } catch (error) {
      // A session can end (and its file move) while we read the folder; the rest still counts.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const agent of looseAgents) {
    const owner = sessions.find((session) => session.sessionId === agent.sessionId);
    if (owner) owner.subagents.push(withAgentType(agent, owner.main));
    else sessions.push({ sessionId: agent.sessionId ?? agent.agentId ?? 'unknown', main: summaryOfNothing(), subagents: [agent] });
  }
  return sessions.sort((a, b) => startOf(a).localeCompare(startOf(b)));
}

/**
 * The folders holding this project's transcripts: Claude Code names the folder after the working
 * directory as given and, when it differs, after its real path (symlinks resolved); long names match by
 * prefix. Only folders that exist are returned.
 */
export async function findProjectTranscriptFolders(cwd: string, env: Record<string, string | undefined>, homeDir: string): Promise<string[]> {
  const projects = claudeProjectsDir(env, homeDir);
  const paths = [cwd];
  const real = await realpath(cwd).catch(() => cwd);
  if (real !== cwd) paths.push(real);
  const found: string[] = [];
  let names: string[] | undefined;
  for (const path of paths) {
    const exact = join(projects, projectFolderName(path));
    if (await isDirectory(exact)) found.push(exact);
    const prefix = projectFolderPrefix(path);
    if (!prefix) continue;
    names ??= await readdir(projects).catch(() => []);
    for (const name of names) {
      const candidate = join(projects, name);
      if (name.startsWith(prefix) && !found.includes(candidate) && (await isDirectory(candidate))) found.push(candidate);
    }
  }
  return [...new Set(found)];
}

async function readSubagentFile(path: string, options: SummarizerOptions): Promise<TranscriptSummary | undefined> {
  const summary = await readTranscriptFile(path, { ...options, isSubagentFile: true });
  if (summary.lines.total === 0) return undefined;
  summary.agentId ??= basename(path, '.jsonl').replace(/^agent-/, '');
  const meta = await readFile(path.replace(/\.jsonl$/, '.meta.json'), 'utf8').catch(() => undefined);
  if (meta !== undefined) {
    try {
      const parsed = JSON.parse(meta) as { agentType?: unknown };
      if (typeof parsed.agentType === 'string') summary.agentType = parsed.agentType;
    } catch {
      // A half-written meta file only costs us the agent type.
    }
  }
  return summary;
}

/** Fills a subagent's type from the parent's Agent result (`agentType`) or call (`subagent_type`). */
function withAgentType(agent: TranscriptSummary, parent: TranscriptSummary): TranscriptSummary {
  if (agent.agentType !== undefined) return agent;
  const result = parent.toolResults.find((candidate) => candidate.agentId === agent.agentId);
  if (result?.agentType) return { ...agent, agentType: result.agentType };
  const call = result && parent.toolCalls.find((candidate) => candidate.id === result.toolUseId);
  const input = call?.input as { subagent_type?: unknown } | undefined;
  return typeof input?.subagent_type === 'string' ? { ...agent, agentType: input.subagent_type } : agent;
}

async function listAgentFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && isAgentFileName(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function isAgentFileName(name: string): boolean {
  return name.startsWith('agent-') && name.endsWith('.jsonl');
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

function startOf(session: SessionTranscript): string {
  return session.main.firstAt ?? session.subagents[0]?.firstAt ?? '';
}

function summaryOfNothing(): TranscriptSummary {
  return new TranscriptSummarizer().finish();
}
