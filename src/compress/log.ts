import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutAtWord } from './cut-at-word.js';
import { fitUnits, type Unit } from './fit-units.js';
import { lineSeverity, type LineSeverity } from './line-severity.js';
import { logTemplate } from './log-template.js';
import { countMarker } from './markers.js';
import { terminalLines } from './terminal-text.js';
import type { ReduceOptions, ReduceResult } from './types.js';

const TAIL_LINES = 8;
const FAILURE_CONTEXT_LINES = 6;
const HEAD_LINES = 2;
const MAX_LINE_CHARS = 400;
/** What one `… N lines omitted` costs, reserved per kept error example. */
const GAP_MARKER_TOKENS = 8;
const CONTINUATION = /^(?:\s+\S|Caused by|Traceback|During handling)/;

const PRIORITY: Record<LineSeverity, number> = { error: 90, warn: 60, summary: 50, plain: 20, vendor: 5 };

interface Group {
  first: number;
  last: number;
  count: number;
  severity: LineSeverity;
}

function buildUnits(lines: readonly string[], loose: boolean): Unit[] {
  const severities = lines.map(lineSeverity);
  const firstFailure = severities.indexOf('error');
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;

  // Lines kept verbatim at their place whatever their template: the head, the first failure
  // with what follows it (message, first frames), and the tail.
  const verbatim = new Map<number, number>();
  for (let i = 0; i < Math.min(HEAD_LINES, end); i++) verbatim.set(i, 55 - i);
  if (firstFailure >= 0) {
    // What follows a failure belongs to it while it is indented (message, stack frames, `Caused by`).
    for (let i = firstFailure + 1; i <= Math.min(firstFailure + FAILURE_CONTEXT_LINES, end - 1); i++) {
      if (!CONTINUATION.test(lines[i])) break;
      verbatim.set(i, severities[i] === 'vendor' ? 10 : 85 - (i - firstFailure));
    }
    verbatim.set(firstFailure, 100);
  }
  for (let i = Math.max(0, end - TAIL_LINES); i < end; i++) verbatim.set(i, 70 + (i - end + TAIL_LINES));

  const groups = new Map<string, Group>();
  const templates: string[] = [];
  for (let i = 0; i < end; i++) {
    if (verbatim.has(i) || lines[i].trim() === '') continue;
    const template = logTemplate(lines[i], loose);
    templates[i] = template;
    const group = groups.get(template);
    if (group) {
      group.last = i;
      group.count++;
    } else {
      groups.set(template, { first: i, last: i, count: 1, severity: severities[i] });
    }
  }

  const units: Unit[] = [];
  for (let i = 0; i < end; i++) {
    const line = cutAtWord(lines[i], MAX_LINE_CHARS);
    const pinned = verbatim.get(i);
    if (pinned !== undefined) {
      // An error line in the head or tail is still an error example and must survive the budget.
      units.push({ text: line, priority: severities[i] === 'error' ? Math.max(pinned, PRIORITY.error) : pinned });
      continue;
    }
    if (lines[i].trim() === '') continue;
    const group = groups.get(templates[i]);
    if (!group || group.first !== i) continue;
    const base = PRIORITY[group.severity];
    // Rare lines are where anomalies hide; a template seen once outranks one seen a thousand times.
    const priority = group.severity === 'plain' ? base + 10 / group.count : base;
    if (group.count === 1) {
      units.push({ text: line, priority });
    } else {
      const last = cutAtWord(lines[group.last], MAX_LINE_CHARS);
      const short = `${countMarker(group.count)} ${line}`;
      const text = last === line ? short : `${short} … ${last}`;
      units.push({ text, priority, lines: group.count, ...(text !== short ? { short } : {}) });
    }
  }
  return units;
}

/**
 * Log and command-output reducer: strips ANSI codes and progress redraws, collapses lines by
 * masked template into `[×N] first … last`, and under a budget keeps, in this order, the first
 * failure and its next lines, one example of every error template, the tail, warnings, the head
 * and rare lines. Kept lines are verbatim (long ones are cut at a word boundary).
 */
export function reduceLog(text: string, options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const lines = terminalLines(text);
  let units = buildUnits(lines, false);
  const strictTokens = units.reduce((sum, unit) => sum + estimateTokens(unit.text) + 1, 0);
  if (options.budgetTokens !== undefined && strictTokens > options.budgetTokens) {
    const looseUnits = buildUnits(lines, true);
    const errorTemplates = (list: Unit[]) => list.filter((unit) => unit.priority === PRIORITY.error).length;
    // Loose masks merge error lines that differ only in a path or message; use them only when that costs no error example.
    if (errorTemplates(looseUnits) >= errorTemplates(units)) units = looseUnits;
  }
  // One example of every error template is never dropped: the budget bends to hold them.
  const mustKeep = units
    .filter((unit) => unit.priority >= PRIORITY.error)
    .reduce((sum, unit) => sum + estimateTokens(unit.short ?? unit.text) + 1 + GAP_MARKER_TOKENS, 0);
  const budget = options.budgetTokens === undefined ? undefined : Math.max(options.budgetTokens, mustKeep);
  const fitted = fitUnits(units, budget);
  const nonEmpty = lines.filter((line) => line.trim() !== '').length;
  const collapsed = units.filter((unit) => (unit.lines ?? 1) > 1);
  const notes: string[] = [];
  if (collapsed.length > 0) {
    notes.push(`${collapsed.reduce((sum, unit) => sum + (unit.lines ?? 1), 0)} lines collapsed into ${collapsed.length} templates`);
  }
  if (fitted.droppedLines > 0) notes.push(`${fitted.droppedLines} of ${nonEmpty} lines dropped for the budget`);
  return {
    text: fitted.text,
    kind: 'log',
    tokensBefore,
    tokensAfter: estimateTokens(fitted.text),
    ...(notes.length > 0 ? { omitted: notes.join('; ') } : {}),
  };
}
