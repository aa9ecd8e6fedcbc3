import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutAtWord } from './cut-at-word.js';
import { fitUnits, type Unit } from './fit-units.js';
import { countNote } from './markers.js';
import { queryScores } from './query-scores.js';
import type { ReduceOptions, ReduceResult } from './types.js';

const MATCH = /^((?:[A-Za-z]:)?[^\s:]+):(\d+):(.*)$/;
const CONTEXT = /^((?:[A-Za-z]:)?[^\s:]+?)-(\d+)-(.*)$/;
const NO_NUMBER = /^([^\s:]+\.[\w-]+):(.*)$/;
const MAX_CONTENT_CHARS = 240;

interface Hit {
  lines: string[];
  content: string;
}

/** True when most non-empty lines look like `path:line:content` grep matches. */
export function isGrepOutput(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  return lines.filter((line) => MATCH.test(line)).length >= lines.length * 0.6;
}

/**
 * Grep reducer (content matches): groups by file with a match count, then one line per distinct
 * content with all its line numbers (`12,40: text`). Every file name is kept; under a budget the
 * later matches of each file go first.
 */
export function reduceGrep(text: string, options: ReduceOptions = {}): ReduceResult {
  const tokensBefore = estimateTokens(text);
  const notes: string[] = [];
  const files = new Map<string, { count: number; hits: Map<string, Hit> }>();
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw === '--') continue;
    let parsed = MATCH.exec(raw);
    if (!parsed) {
      const context = CONTEXT.exec(raw);
      if (context && files.has(context[1])) parsed = context;
    }
    let path: string;
    let line: string | undefined;
    let content: string;
    if (parsed) [, path, line, content] = parsed;
    else {
      const plain = NO_NUMBER.exec(raw);
      if (!plain) {
        notes.push(raw.trim());
        continue;
      }
      [, path, content] = plain;
    }
    const file = files.get(path) ?? { count: 0, hits: new Map<string, Hit>() };
    files.set(path, file);
    file.count++;
    const key = content.trim();
    const hit = file.hits.get(key) ?? { lines: [], content: key };
    file.hits.set(key, hit);
    if (line !== undefined) hit.lines.push(line);
  }

  const units: Unit[] = notes.map((note) => ({ text: note, priority: 1000 }));
  const contents: string[] = [];
  const contentUnits: Unit[] = [];
  for (const [path, file] of files) {
    units.push({ text: `${path} ${countNote(file.count)}`, priority: 1000 });
    let rank = 0;
    for (const hit of file.hits.values()) {
      const shown = cutAtWord(hit.content, MAX_CONTENT_CHARS);
      const unit: Unit = { text: hit.lines.length > 0 ? `  ${hit.lines.join(',')}: ${shown}` : `  ${shown}`, priority: 50 - Math.min(rank, 40) };
      units.push(unit);
      contentUnits.push(unit);
      contents.push(hit.content);
      rank++;
    }
  }
  const scores = queryScores(contents, options.query);
  contentUnits.forEach((unit, index) => {
    if (scores[index] > 0) unit.priority += 40 * scores[index];
  });
  // File names are never dropped: the budget bends to hold every header. Each header carries its
  // match count, so dropped lines need no marker of their own.
  const headerTokens = units.filter((unit) => unit.priority >= 1000).reduce((sum, unit) => sum + estimateTokens(unit.text) + 1, 0);
  const budget = options.budgetTokens === undefined ? undefined : Math.max(options.budgetTokens, headerTokens);
  const fitted = fitUnits(units, budget, { gapMarker: () => '' });
  return {
    text: fitted.text,
    kind: 'grep',
    tokensBefore,
    tokensAfter: estimateTokens(fitted.text),
    ...(fitted.droppedUnits > 0 ? { omitted: `${fitted.droppedUnits} distinct matching lines` } : {}),
  };
}
