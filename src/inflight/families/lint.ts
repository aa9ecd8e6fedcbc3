import { terminalLines } from '../../compress/terminal-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import type { FamilyOptions, FamilyResult } from './family-result.js';
import { selectLines, type LineRole } from './select-lines.js';

/** One finding of a linter or type checker. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: string;
  rule: string;
  message: string;
  /** Related lines printed with it (tsc related information, rustc notes), frames excluded. */
  notes: string[];
}

type Parsed = Omit<Diagnostic, 'notes'>;

// One pattern per output format; each gives file, line, column, severity, rule and message.
const ONE_LINE: Array<(line: string) => Parsed | undefined> = [
  (line) => {
    const m = /^(.+?)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/.exec(line); // tsc
    return m ? { file: m[1], line: +m[2], column: +m[3], severity: m[4], rule: m[5], message: m[6] } : undefined;
  },
  (line) => {
    const m = /^(.+?):(\d+):(\d+) - (error|warning) (TS\d+): (.*)$/.exec(line); // tsc --pretty
    return m ? { file: m[1], line: +m[2], column: +m[3], severity: m[4], rule: m[5], message: m[6] } : undefined;
  },
  (line) => {
    const m = /^(.+?):(\d+)(?::(\d+))?: (error|warning|note): (.*?)(?:\s{2}\[([\w-]+)\])?$/.exec(line); // mypy
    return m ? { file: m[1], line: +m[2], column: m[3] ? +m[3] : undefined, severity: m[4], rule: m[6] ?? m[4], message: m[5] } : undefined;
  },
  (line) => {
    const m = /^(.+?):(\d+):(\d+): ([A-Z]{1,4}\d{2,4}) (?:\[\*\] )?(.*)$/.exec(line); // ruff concise, flake8
    return m ? { file: m[1], line: +m[2], column: +m[3], severity: 'error', rule: m[4], message: m[5] } : undefined;
  },
  (line) => {
    const m = /^(.+?\.\w+):(\d+):(\d+): (.*) \(([\w-]+)\)$/.exec(line); // golangci-lint
    return m ? { file: m[1], line: +m[2], column: +m[3], severity: 'error', rule: m[5], message: m[4] } : undefined;
  },
  (line) => {
    const m = /^(.+?\.\w+):(\d+):(\d+): (?:(error|warning)[:\s]\s*)?(.*?)(?: \[(?:Error|Warning)\/([\w@/-]+)\])?$/.exec(line); // eslint unix, generic
    return m ? { file: m[1], line: +m[2], column: +m[3], severity: (m[4] ?? 'error').toLowerCase(), rule: m[6] ?? 'other', message: m[5] } : undefined;
  },
];
const ESLINT_FILE = /^(?:[A-Za-z]:)?[^\s:]*[/\\]?[^\s/\\:]+\.\w+$/;
const ESLINT_ROW = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.*?)\s{2,}([\w@/-]+)$/;
const RUST_HEAD = /^(error|warning)(?:\[(\w+)\])?: (.*)$/;
const RUST_AT = /^\s*--> (.+?):(\d+):(\d+)$/;
const RUST_LINT = /#\[(?:warn|deny|forbid)\(([\w:]+)\)\]|index\.html#([\w_]+)/;
const FRAME = /^\s*\d*\s*[|│]|^\s*[~^]+\s*$|^\s*\d+\s{1,}\S|^\s{2,}[~^-]+/;
const SUMMARY = /^(?:Found \d+ errors?|✖ \d+ problems?|\d+ problems?|Found \d+ errors? in \d+ files?|Success: no issues|All checks passed|error: could not compile|warning: .* generated \d+ warnings?|error: aborting due to|\d+ issues?:?|Errors\s+Files)/i;

/** Parses every diagnostic it recognizes; `consumed[i]` is true for lines that belong to one. */
export function parseDiagnostics(lines: readonly string[]): { diagnostics: Diagnostic[]; consumed: boolean[] } {
  const diagnostics: Diagnostic[] = [];
  const consumed = lines.map(() => false);
  let eslintFile: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      eslintFile = undefined;
      continue;
    }
    if (ESLINT_FILE.test(line.trim()) && i + 1 < lines.length && ESLINT_ROW.test(lines[i + 1])) {
      eslintFile = line.trim();
      consumed[i] = true;
      continue;
    }
    const row = eslintFile ? ESLINT_ROW.exec(line) : null;
    if (row && eslintFile) {
      diagnostics.push({ file: eslintFile, line: +row[1], column: +row[2], severity: row[3], message: row[4], rule: row[5], notes: [] });
      consumed[i] = true;
      continue;
    }
    const head = RUST_HEAD.exec(line);
    const at = head ? lines.slice(i + 1, i + 4).findIndex((next) => RUST_AT.test(next)) : -1;
    if (head && at >= 0) {
      const where = RUST_AT.exec(lines[i + 1 + at])!;
      const diagnostic: Diagnostic = { file: where[1], line: +where[2], column: +where[3], severity: head[1], rule: head[2] ?? head[1], message: head[3], notes: [] };
      consumed[i] = true;
      let j = i + 1;
      for (; j < lines.length && lines[j].trim() !== '' && !RUST_HEAD.test(lines[j]); j++) {
        consumed[j] = true;
        const lint = RUST_LINT.exec(lines[j]);
        if (lint && !head[2]) diagnostic.rule = lint[1] ?? lint[2];
        const note = /^\s*= (?:note|help): (.*)$/.exec(lines[j]);
        if (note && !RUST_LINT.test(lines[j])) diagnostic.notes.push(note[1]);
      }
      diagnostics.push(diagnostic);
      i = j - 1;
      continue;
    }
    let parsed: Parsed | undefined;
    for (const parse of ONE_LINE) if ((parsed = parse(line))) break;
    if (!parsed) continue;
    const diagnostic: Diagnostic = { ...parsed, notes: [] };
    consumed[i] = true;
    // What follows a finding and is indented belongs to it: code frames are dropped, related lines kept as notes.
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j];
      if (next.trim() === '') {
        if (j + 1 < lines.length && /^\s+\S/.test(lines[j + 1]) && !ONE_LINE.some((parse) => parse(lines[j + 1]))) {
          consumed[j] = true;
          continue;
        }
        break;
      }
      if (ONE_LINE.some((parse) => parse(next)) || !/^\s|^\d+\s/.test(next) || SUMMARY.test(next.trim())) break;
      consumed[j] = true;
      // A source line shown under a finding is followed by its caret line: both are frame.
      const isFrame = FRAME.test(next) || /^\s*\^+\s*$/.test(lines[j + 1] ?? '');
      if (!isFrame) diagnostic.notes.push(next.trim());
    }
    diagnostics.push(diagnostic);
    i = j - 1;
  }
  return { diagnostics, consumed };
}

function locationText(d: Diagnostic): string {
  return d.line === undefined ? '' : d.column === undefined ? `${d.line}` : `${d.line}:${d.column}`;
}

/** `a.ts:1:2, 5:1; b.ts:3:3`, at most `max` locations, the rest counted. */
function locations(list: readonly Diagnostic[], max: number): string {
  const byFile = new Map<string, string[]>();
  list.slice(0, max).forEach((d) => {
    const entries = byFile.get(d.file) ?? [];
    byFile.set(d.file, entries);
    entries.push(locationText(d));
  });
  const text = [...byFile].map(([file, at]) => (at[0] === '' ? file : `${file}:${at.join(', ')}`)).join('; ');
  return list.length > max ? `${text}; … ${list.length - max} more` : text;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Renders diagnostics grouped by rule, then by distinct message, with counts and locations. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], maxLocations: number): string[] {
  const rules = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.severity} ${d.rule}`;
    rules.set(key, [...(rules.get(key) ?? []), d]);
  }
  const out: string[] = [];
  for (const [, list] of [...rules].sort((a, b) => b[1].length - a[1].length)) {
    const { rule, severity } = list[0];
    const files = new Set(list.map((d) => d.file)).size;
    const messages = new Map<string, Diagnostic[]>();
    for (const d of list) messages.set(d.message, [...(messages.get(d.message) ?? []), d]);
    out.push(`${rule === severity ? rule : `${rule} ${severity}`} ×${list.length} in ${plural(files, 'file')}:`);
    for (const [message, same] of messages) {
      out.push(`  ${message} — ${locations(same, maxLocations)}`);
      const notes = [...new Set(same.flatMap((d) => d.notes))];
      for (const note of notes.slice(0, 3)) out.push(`    ${note}`);
      if (notes.length > 3) out.push(`    … ${notes.length - 3} more`);
    }
  }
  const byFile = new Map<string, number>();
  for (const d of diagnostics) byFile.set(d.file, (byFile.get(d.file) ?? 0) + 1);
  out.push(`files: ${[...byFile].map(([file, count]) => `${file} (${count})`).join(', ')}`);
  return out;
}

/**
 * Linter and type-checker reducer (eslint, tsc, ruff, mypy, clippy/rustc, golangci-lint): findings
 * grouped by rule and message with counts and every location, code frames dropped; other lines
 * (summaries, the tail) kept as in any command output. Every distinct message is kept.
 */
export function reduceLint(text: string, options: FamilyOptions = {}): FamilyResult {
  const lines = terminalLines(text);
  const { diagnostics, consumed } = parseDiagnostics(lines);
  const rest = lines.map((line, i) => (consumed[i] ? '' : line));
  const roles: LineRole[] = rest.map((line) => {
    if (line.trim() === '') return 'plain';
    if (SUMMARY.test(line.trim())) return 'must';
    if (FRAME.test(line)) return 'noise';
    return /^\s*\d+\s+\S+$/.test(line) ? 'detail' : 'plain';
  });
  const other = selectLines(rest, roles, { budgetTokens: options.budgetTokens === undefined ? undefined : Math.ceil(options.budgetTokens / 4) }).text;
  let maxLocations = Number.POSITIVE_INFINITY;
  let grouped = renderDiagnostics(diagnostics, maxLocations);
  // Locations are the first thing to give up under a budget; messages never are.
  for (const cap of [20, 8, 3, 1]) {
    if (options.budgetTokens === undefined || estimateTokens(grouped.join('\n')) <= options.budgetTokens * 0.75) break;
    maxLocations = cap;
    grouped = renderDiagnostics(diagnostics, maxLocations);
  }
  const header = `(ctxkit grouped ${plural(diagnostics.length, 'finding')} by rule and message${maxLocations < Number.POSITIVE_INFINITY ? `, at most ${maxLocations} locations each` : ''})`;
  const body = [header, ...grouped, ...(other.trim() === '' ? [] : [other])].join('\n');
  return { text: body, family: 'lint', tokensBefore: estimateRawTokens(text), tokensAfter: estimateTokens(body) };
}
