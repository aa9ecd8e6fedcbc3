import { markCtxkitContext } from '../claude/transcript/marker.js';
import type { Discovery } from '../store/store.js';
import { cutToTokens } from './cut-to-tokens.js';
import { formatAge } from './describe-provenance.js';
import { parseHandoff } from './parse-handoff.js';

/** What a session was working on, kept at PreCompact and PostCompact, given back after compaction or on resume. */
export interface WorkingSet {
  sessionId: string;
  savedAt: number;
  /** Files read or edited in the session, most recent first. */
  files: Array<{ path: string; edited: boolean }>;
  findings: string[];
  decisions: string[];
  openQuestions: string[];
  /** The compaction summary's discovery id, once PostCompact stored it (for `ctxkit show`). */
  compactionId?: number;
}

const MAX_FILES = 25;
const MAX_LINES = 8;

/** State key under which a session's working set is kept. */
export function workingSetStateKey(sessionId: string): string {
  return `session:${sessionId}:working-set`;
}

/** Builds the working set from the session's file and edit discoveries and its subagents' handoffs. */
export function buildWorkingSet(input: { sessionId: string; savedAt: number; discoveries: readonly Discovery[]; reports: readonly Discovery[] }): WorkingSet {
  const files = new Map<string, { path: string; edited: boolean }>();
  for (const discovery of [...input.discoveries].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)) {
    if (discovery.kind !== 'file' && discovery.kind !== 'edit') continue;
    const entry = files.get(discovery.key) ?? { path: discovery.key, edited: false };
    if (discovery.kind === 'edit') entry.edited = true;
    files.set(discovery.key, entry);
  }
  const set: WorkingSet = { sessionId: input.sessionId, savedAt: input.savedAt, files: [...files.values()].slice(0, MAX_FILES), findings: [], decisions: [], openQuestions: [] };
  for (const report of input.reports) {
    const handoff = parseHandoff(report.summary);
    if (!handoff) continue;
    set.findings.push(...handoff.findings);
    set.decisions.push(...handoff.decisions);
    set.openQuestions.push(...handoff.openQuestions);
  }
  set.findings = set.findings.slice(0, MAX_LINES);
  set.decisions = set.decisions.slice(0, MAX_LINES);
  set.openQuestions = set.openQuestions.slice(0, MAX_LINES);
  return set;
}

/** Reads a kept working set back; undefined for anything that is not one. */
export function parseWorkingSet(text: string | undefined): WorkingSet | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as WorkingSet;
    return typeof value?.sessionId === 'string' && Array.isArray(value.files) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The working set as a context block, within `budgetTokens`; undefined when it holds nothing. */
export function renderWorkingSet(set: WorkingSet, now: number, budgetTokens: number): string | undefined {
  if (set.files.length === 0 && set.findings.length + set.decisions.length + set.openQuestions.length === 0) return undefined;
  const lines = [markCtxkitContext(`Working set of this session, kept across compaction (saved ${formatAge(now - set.savedAt)}):`)];
  if (set.files.length > 0) lines.push(`Files in play: ${set.files.map((file) => (file.edited ? `${file.path} (edited)` : file.path)).join(', ')}`);
  const list = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`${title}:`, ...items.map((item) => `- ${item}`));
  };
  list('Findings', set.findings);
  list('Decisions', set.decisions);
  list('Open questions', set.openQuestions);
  if (set.compactionId !== undefined) lines.push(`The compaction summary is kept as #${set.compactionId} (\`ctxkit show ${set.compactionId}\`).`);
  return cutToTokens(lines.join('\n'), budgetTokens).text;
}
