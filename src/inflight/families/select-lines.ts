import { fitUnits, type Unit } from '../../compress/fit-units.js';
import { logTemplate } from '../../compress/log-template.js';
import { countMarker } from '../../compress/markers.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';

/**
 * What a line is worth when an output is cut down:
 * - `must`: kept verbatim whatever the budget (failing test names, summaries, results);
 * - `error`: one verbatim example per template is kept whatever the budget, with `[×N]` for the others;
 * - `warn`: like error, but only while the budget lasts;
 * - `detail`: context of a failure (message, location, first frames), kept while the budget lasts;
 * - `plain`: anything else, collapsed by template, rare lines first;
 * - `pass`, `noise`: passing cases and progress, left out and counted.
 */
export type LineRole = 'must' | 'error' | 'warn' | 'detail' | 'plain' | 'pass' | 'noise';

export interface SelectOptions {
  budgetTokens?: number;
  /** Last non-empty lines always kept verbatim (default 5). */
  tailLines?: number;
  /** How the header names left-out lines: `{pass: 'passing test lines', noise: 'progress lines'}`. */
  labels?: Partial<Record<'pass' | 'noise', string>>;
  /** Priority inside `detail` (higher first), e.g. the first lines of each failure. */
  detailPriority?: (index: number) => number;
}

export interface Selection {
  text: string;
  keptLines: number;
  left: { pass: number; noise: number };
}

const MUST = 1000;
const WARN = 600;
const DETAIL = 400;
const PLAIN = 100;
const MAX_LINE_CHARS = 600;

/** A long line is kept whole when it must be; otherwise only its head, cut at a space. */
function shorten(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const cut = line.lastIndexOf(' ', MAX_LINE_CHARS);
  return cut > MAX_LINE_CHARS / 2 ? `${line.slice(0, cut)} … ${line.length - cut} chars` : line;
}

/**
 * Keeps the lines of an output by role, in their original order, under a budget that bends for the
 * lines that must stay (`must`, one example of each `error` template, the tail). Shared by the test,
 * build and git families; the family decides the roles.
 */
export function selectLines(lines: readonly string[], roles: readonly LineRole[], options: SelectOptions = {}): Selection {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end--;
  const tail = new Set<number>();
  for (let i = end - 1; i >= 0 && tail.size < (options.tailLines ?? 5); i--) if (lines[i].trim() !== '') tail.add(i);

  const left = { pass: 0, noise: 0 };
  const groups = new Map<string, { first: number; last: number; count: number }>();
  const templates: string[] = [];
  for (let i = 0; i < end; i++) {
    const role = roles[i];
    if (tail.has(i) || lines[i].trim() === '' || role === 'must' || role === 'detail') continue;
    if (role === 'pass' || role === 'noise') {
      left[role]++;
      continue;
    }
    const template = `${role}\u0000${logTemplate(lines[i])}`;
    templates[i] = template;
    const group = groups.get(template);
    if (group) {
      group.count++;
      group.last = i;
    } else groups.set(template, { first: i, last: i, count: 1 });
  }

  const units: Unit[] = [];
  for (let i = 0; i < end; i++) {
    const line = lines[i];
    const role = roles[i];
    if (tail.has(i) || role === 'must') {
      units.push({ text: line, priority: MUST });
      continue;
    }
    if (line.trim() === '' || role === 'pass' || role === 'noise') continue;
    if (role === 'detail') {
      units.push({ text: shorten(line), priority: DETAIL + (options.detailPriority?.(i) ?? 0) });
      continue;
    }
    const group = groups.get(templates[i])!;
    if (group.first !== i) continue;
    const marked = group.count > 1 ? `${countMarker(group.count)} ${role === 'error' ? line : shorten(line)}` : role === 'error' ? line : shorten(line);
    if (role === 'error') units.push({ text: marked, priority: MUST, lines: group.count });
    else if (role === 'warn') units.push({ text: marked, priority: WARN, lines: group.count });
    else units.push({ text: marked, priority: PLAIN + 50 / group.count, lines: group.count });
  }

  // What must stay, estimated in one call (a line break counts a token, as the join between units does).
  const must = units.filter((unit) => unit.priority >= MUST);
  const mustTokens = must.length === 0 ? 0 : estimateTokens(must.map((unit) => unit.text).join('\n')) + 1 + must.length * 8;
  const budget = options.budgetTokens === undefined ? undefined : Math.max(options.budgetTokens, mustTokens);
  let fitted = fitUnits(units, budget);
  const kept = new Set(fitted.text.split('\n'));
  if (units.some((unit) => unit.priority >= MUST && !kept.has(unit.text))) {
    // The estimate missed: keep exactly the lines that must stay rather than lose one.
    fitted = fitUnits(
      units.filter((unit) => unit.priority >= MUST),
      undefined,
    );
  }
  const notes: string[] = [];
  if (left.pass > 0) notes.push(`${left.pass} ${options.labels?.pass ?? 'passing lines'}`);
  if (left.noise > 0) notes.push(`${left.noise} ${options.labels?.noise ?? 'progress lines'}`);
  const header = notes.length > 0 ? `(ctxkit left out ${notes.join(' and ')})\n` : '';
  return { text: header + fitted.text, keptLines: fitted.keptUnits, left };
}
