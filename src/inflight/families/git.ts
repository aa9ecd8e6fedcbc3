import { cutAtWord } from '../../compress/cut-at-word.js';
import { reduceGlob } from '../../compress/glob.js';
import { terminalLines } from '../../compress/terminal-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { buildLineRoles } from './build.js';
import type { FamilyOptions, FamilyResult } from './family-result.js';
import { selectLines, type LineRole } from './select-lines.js';

const COMMIT = /^commit ([0-9a-f]{7,64})\b/;
const DIFF_HEAD = /^diff --(?:git|cc|combined) /;

interface FileDiff {
  head: string[];
  added: number;
  removed: number;
  hunks: Array<{ header: string; changes: string[] }>;
}

/** Splits a unified diff (git diff, git show) into files, counting added and removed lines. */
function parseDiff(lines: readonly string[], start: number): { files: FileDiff[]; end: number } {
  const files: FileDiff[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (COMMIT.test(line)) break;
    if (DIFF_HEAD.test(line)) {
      files.push({ head: [line], added: 0, removed: 0, hunks: [] });
      continue;
    }
    const file = files.at(-1);
    if (!file) continue;
    if (line.startsWith('@@')) file.hunks.push({ header: line, changes: [] });
    else if (file.hunks.length === 0) file.head.push(line);
    else if (line.startsWith('+') || line.startsWith('-')) {
      if (line.startsWith('+')) file.added++;
      else file.removed++;
      file.hunks.at(-1)!.changes.push(line);
    } else if (line.startsWith('\\')) file.hunks.at(-1)!.changes.push(line);
  }
  return { files, end: i };
}

/** One diff rendered with at most `maxChanges` changed lines per file; context lines are dropped. */
function renderDiff(files: readonly FileDiff[], maxChanges: number): string[] {
  const out: string[] = [];
  for (const file of files) {
    out.push(...file.head.filter((line) => !/^index [0-9a-f]+\.\.[0-9a-f]+/.test(line)), `(+${file.added} -${file.removed})`);
    let shown = 0;
    for (const hunk of file.hunks) {
      if (shown >= maxChanges) break;
      out.push(hunk.header);
      for (const change of hunk.changes) {
        if (shown++ >= maxChanges) break;
        out.push(change);
      }
    }
    const total = file.added + file.removed;
    if (total > maxChanges) out.push(`… ${total - maxChanges} more changed lines in this file`);
  }
  return out;
}

interface Commit {
  hash: string;
  author?: string;
  date?: string;
  merge?: string;
  subject?: string;
  stat: string[];
}

/** `git log` (default or --stat format) read into commits; message bodies are counted, not kept. */
function parseLog(lines: readonly string[]): { commits: Commit[]; bodyLines: number } {
  const commits: Commit[] = [];
  let bodyLines = 0;
  for (const line of lines) {
    if (COMMIT.test(line)) {
      commits.push({ hash: line.slice('commit '.length).trim(), stat: [] });
      continue;
    }
    const commit = commits.at(-1);
    if (!commit || line.trim() === '') continue;
    const meta = /^(Author|Date|Merge):\s+(.*)$/.exec(line);
    if (meta?.[1] === 'Author') commit.author = meta[2];
    else if (meta?.[1] === 'Date') commit.date = meta[2];
    else if (meta?.[1] === 'Merge') commit.merge = `Merge ${meta[2]}`;
    else if (/^ {4}/.test(line) && commit.subject === undefined) commit.subject = line.trim();
    else if (/^ \d+ files? changed/.test(line)) commit.stat.push(`  ${line.trim()}`);
    else bodyLines++;
  }
  return { commits, bodyLines };
}

/**
 * One line per commit: full hash, author, date, subject. Under a budget the author goes first when
 * every commit has the same one (named once in the header), then long subjects are cut at a word.
 */
function renderLog(lines: readonly string[], budget: number | undefined): string[] {
  const { commits, bodyLines } = parseLog(lines);
  const authors = new Set(commits.map((commit) => commit.author));
  const render = (withAuthor: boolean, subjectChars: number) => [
    `(ctxkit: one line per commit${withAuthor || authors.size !== 1 ? '' : `, all by ${[...authors][0]}`}; ${bodyLines} message body lines left out)`,
    ...commits.flatMap((commit) => [
      [commit.hash, commit.merge, withAuthor ? commit.author : undefined, commit.date, commit.subject === undefined ? undefined : cutAtWord(commit.subject, subjectChars)].filter(Boolean).join(' | '),
      ...commit.stat,
    ]),
  ];
  let out = render(true, Number.POSITIVE_INFINITY);
  for (const [withAuthor, chars] of [[authors.size !== 1, Number.POSITIVE_INFINITY], [authors.size !== 1, 100], [authors.size !== 1, 60]] as const) {
    if (budget === undefined || estimateTokens(out.join('\n')) <= budget) break;
    out = render(withAuthor, chars);
  }
  return out;
}

/**
 * Git reducer: `diff`/`show` keep every file header with its +/- counts and the changed lines
 * (context lines dropped, long files cut under the budget); `log` keeps one line per commit (full
 * hash, author, date, subject); `status` lists paths grouped by folder; anything else (commit
 * output with its hooks) is read like a build: errors, warnings and the result.
 */
export function reduceGit(text: string, options: FamilyOptions = {}): FamilyResult {
  const lines = terminalLines(text);
  const tokensBefore = estimateRawTokens(text);
  const done = (body: string): FamilyResult => ({ text: body, family: 'git', tokensBefore, tokensAfter: estimateTokens(body) });
  const budget = options.budgetTokens;

  if (lines.some((line) => COMMIT.test(line))) {
    const firstDiff = lines.findIndex((line) => DIFF_HEAD.test(line));
    const commits = renderLog(firstDiff < 0 ? lines : lines.slice(0, firstDiff), firstDiff < 0 ? budget : undefined);
    if (firstDiff < 0) return done(commits.join('\n'));
    // git show / log -p: the commits, then their diffs.
    const { files } = parseDiff(lines, firstDiff);
    return done([...commits, ...fitDiff(files, budget === undefined ? undefined : budget - estimateTokens(commits.join('\n')))].join('\n'));
  }
  if (lines.some((line) => DIFF_HEAD.test(line))) {
    const { files } = parseDiff(lines, 0);
    return done(fitDiff(files, budget).join('\n'));
  }
  const status = lines.findIndex((line) => /^(?:On branch |HEAD detached|Changes (?:not staged|to be committed)|Untracked files:)/.test(line));
  if (status >= 0) return done(reduceStatus(lines));
  const selection = selectLines(lines, buildLineRoles(lines), { budgetTokens: budget, labels: { noise: 'progress lines' } });
  return done(selection.text);
}

function fitDiff(files: readonly FileDiff[], budget: number | undefined): string[] {
  let out = renderDiff(files, Number.POSITIVE_INFINITY);
  for (const cap of [200, 80, 30, 10, 3, 0]) {
    if (budget === undefined || estimateTokens(out.join('\n')) <= budget) break;
    out = renderDiff(files, cap);
  }
  return [`(ctxkit: ${files.length} files; unchanged context lines left out)`, ...out];
}

/** Long-form `git status`: section headings kept, the paths under each grouped by folder. */
function reduceStatus(lines: readonly string[]): string {
  const out: string[] = [];
  let paths: string[] = [];
  const flush = () => {
    if (paths.length === 0) return;
    const grouped = reduceGlob(paths.join('\n')).text.split('\n');
    out.push(...grouped.map((line) => `\t${line}`));
    paths = [];
  };
  for (const line of lines) {
    if (line.trim() === '' || /^\s+\(use "git /.test(line)) continue;
    const entry = /^\t(?:(?:modified|deleted|new file|renamed|typechange|both modified|both added):\s+)?(.+)$/.exec(line);
    if (entry) {
      const kind = /^\t([a-z ]+):/.exec(line)?.[1];
      if (kind && kind !== 'modified') {
        flush();
        out.push(line);
      } else paths.push(entry[1]);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out.join('\n');
}

export type { LineRole };
