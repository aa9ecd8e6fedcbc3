import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutAtWord } from './cut-at-word.js';
import { defaultBudget } from './default-budget.js';
import { fitUnits, type Unit } from './fit-units.js';
import { lineSeverity } from './line-severity.js';
import { countMarker } from './markers.js';
import { queryScores } from './query-scores.js';
import { terminalLines } from './terminal-text.js';
import type { ReduceOptions, ReduceResult } from './types.js';

const HEAD_LINES = 5;
const TAIL_LINES = 5;
const MAX_LINE_CHARS = 400;

/**
 * Fallback reducer for text of no known kind: repeated adjacent lines collapse to `[×N] line`,
 * then under the budget (default: a quarter, at least 500 tokens) it keeps error lines, the
 * head, the tail and lines matching the query, in their original order.
 */
export function reduceText(text: string, options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const all = terminalLines(text);
  let end = all.length;
  while (end > 0 && all[end - 1] === '') end--;
  const lines = end === all.length ? all : all.slice(0, end);

  const runs: { line: string; count: number; index: number }[] = [];
  lines.forEach((line, index) => {
    const previous = runs.at(-1);
    if (previous && previous.line === line && line.trim() !== '') previous.count++;
    else runs.push({ line, count: 1, index });
  });
  const scores = queryScores(
    runs.map((run) => run.line),
    options.query,
  );
  const units: Unit[] = runs.map((run, position) => {
    const line = cutAtWord(run.line, MAX_LINE_CHARS);
    const text = run.count > 1 ? `${countMarker(run.count)} ${line}` : line;
    const severity = lineSeverity(run.line);
    let priority = line.trim() === '' ? 0 : 10;
    if (severity === 'error') priority = 90;
    else if (severity === 'warn') priority = 55;
    if (run.index < HEAD_LINES) priority = Math.max(priority, 70 - run.index);
    if (position >= runs.length - TAIL_LINES) priority = Math.max(priority, 60 + position - runs.length);
    if (scores[position] > 0) priority = Math.max(priority, 40 + 40 * scores[position]);
    return { text, priority, lines: run.count };
  });
  const budget = options.budgetTokens ?? defaultBudget(text);
  const fitted = fitUnits(units, budget);
  return {
    text: fitted.text,
    kind: 'text',
    tokensBefore,
    tokensAfter: estimateTokens(fitted.text),
    ...(fitted.droppedLines > 0 ? { omitted: `${fitted.droppedLines} of ${lines.length} lines` } : {}),
  };
}
