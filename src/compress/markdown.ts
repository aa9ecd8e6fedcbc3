import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutAtWord } from './cut-at-word.js';
import { defaultBudget } from './default-budget.js';
import { fitUnits, type Unit } from './fit-units.js';
import { linesOmitted } from './markers.js';
import { queryScores } from './query-scores.js';
import { splitSentences } from './sentences.js';
import type { ReduceOptions, ReduceResult } from './types.js';

const CODE_BLOCK_LINES = 12;
const MAX_UNIT_CHARS = 600;

type Role = 'heading' | 'sentence' | 'item' | 'code';

interface ProseUnit {
  text: string;
  role: Role;
  level?: number;
  group?: number;
  /** The first sentence or item after a heading. */
  isLead: boolean;
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})\s+\S/;
const ITEM = /^\s*(?:[-*+]|\d+[.)]|>|\|)\s?/;

function splitProse(text: string): ProseUnit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units: ProseUnit[] = [];
  let paragraph: string[] = [];
  let group = 0;
  let afterHeading = true;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    group++;
    for (const sentence of splitSentences(paragraph.join(' '))) {
      units.push({ text: cutAtWord(sentence, MAX_UNIT_CHARS), role: 'sentence', group, isLead: afterHeading });
      afterHeading = false;
    }
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const start = i;
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) i++;
      const block = lines.slice(start, Math.min(i + 1, lines.length));
      // Inner lines are dropped, never cut: a long block keeps its opening lines and its fences.
      const body = block.slice(1, -1);
      const shown =
        body.length > CODE_BLOCK_LINES
          ? [block[0], ...body.slice(0, CODE_BLOCK_LINES - 2), linesOmitted(body.length - CODE_BLOCK_LINES + 2), block.at(-1) ?? '']
          : block;
      units.push({ text: shown.join('\n'), role: 'code', isLead: false });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      units.push({ text: line.trimEnd(), role: 'heading', level: heading[1].length, isLead: false });
      afterHeading = true;
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    if (ITEM.test(line)) {
      flushParagraph();
      units.push({ text: cutAtWord(line.trimEnd(), MAX_UNIT_CHARS), role: 'item', isLead: afterHeading });
      afterHeading = false;
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  return units;
}

// Numbers, code spans and identifiers that are not plain words (camelCase, snake_case, kebab-case, dotted, paths).
const SPECIFIC_TOKEN = /`[^`]+`|\b\d[\d.,:%]*\b|\b[a-z]+[A-Z]\w*|\b\w+(?:[_./-]\w+)+\b/g;

/** How many specific tokens a sentence carries: without a query, these are what a reader comes back for. */
function specificity(text: string): number {
  return text.match(SPECIFIC_TOKEN)?.length ?? 0;
}

function priorityOf(unit: ProseUnit, index: number, count: number, score: number, hasQuery: boolean): number {
  let priority = 10;
  if (unit.role === 'heading') priority = (unit.level ?? 1) <= 2 ? 75 : 55;
  else if (unit.isLead) priority = 40;
  else if (unit.role === 'code') priority = 15;
  if (score > 0) priority = Math.max(priority, 50 + 40 * score);
  else if (!hasQuery && unit.role !== 'heading' && specificity(unit.text) > 0) priority = Math.max(priority, Math.min(60, 42 + 6 * specificity(unit.text)));
  if (index === 0) priority = 100;
  else if (index === 1 && unit.role !== 'heading') priority = Math.max(priority, 92);
  if (index === count - 1) priority = Math.max(priority, 80);
  return priority;
}

/**
 * Markdown and prose reducer: splits into headings, sentences, list items and code blocks, then
 * keeps the head, the tail, the headings (as structure), the sentences that best match the query
 * (BM25 over identifier-aware terms) or, without a query, the sentences that carry numbers and
 * identifiers, and the lead sentence of each section, in original order,
 * within the budget (default: a quarter of the input, at least 500 tokens).
 */
export function reduceMarkdown(text: string, options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const prose = splitProse(text);
  const scores = queryScores(
    prose.map((unit) => unit.text),
    options.query,
  );
  const units: Unit[] = prose.map((unit, index) => ({
    text: unit.text,
    priority: priorityOf(unit, index, prose.length, scores[index], Boolean(options.query?.trim())),
    ...(unit.group !== undefined ? { group: unit.group } : {}),
  }));
  const budget = options.budgetTokens ?? defaultBudget(text);
  const fitted = fitUnits(units, budget, { joiner: '\n\n', gapMarker: () => '…' });
  return {
    text: fitted.text,
    kind: 'markdown',
    tokensBefore,
    tokensAfter: estimateTokens(fitted.text),
    ...(fitted.droppedUnits > 0 ? { omitted: `${fitted.droppedUnits} of ${units.length} sentences, items and blocks` } : {}),
  };
}
