#!/usr/bin/env node
// Key-fact retention at budget (KFR@r): for each reducer, the share of labelled facts that
// survive when the output may hold 10%, 25% or 50% of the input's tokens, beside plain head
// truncation and head+tail truncation at the same budget. Needs `npm run build` (imports dist/).
// Usage: node scripts/bench/retention.js [--json]
import { fileURLToPath } from 'node:url';
import { compress } from '../../dist/compress/index.js';
import { containsToken } from '../../dist/compress/fact-tokens.js';
import { estimateTokens } from '../../dist/tokens/estimate-tokens.js';
import { codeFixtures, jsonFixtures, logFixtures, proseFixtures, searchFixtures, traceFixtures } from './fixtures/retention-fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RATIOS = [0.1, 0.25, 0.5];

/** The first lines that fit the budget. */
export function headTruncate(text, budget) {
  const kept = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const cost = estimateTokens(line) + 1;
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  return kept.join('\n');
}

/** Half the budget from the start, half from the end, with a marker between. */
export function headTailTruncate(text, budget) {
  const lines = text.split('\n');
  const half = Math.floor((budget - 4) / 2);
  const head = headTruncate(text, half);
  const headCount = head === '' ? 0 : head.split('\n').length;
  const tail = [];
  let used = 0;
  for (let i = lines.length - 1; i >= headCount; i--) {
    const cost = estimateTokens(lines[i]) + 1;
    if (used + cost > half) break;
    tail.unshift(lines[i]);
    used += cost;
  }
  return [head, '…', ...tail].join('\n');
}

function keptShare(output, fixture) {
  const kept = fixture.facts.filter((fact) => (fixture.wholeWord ? containsToken(output, fact) : output.includes(fact)));
  return { kept: kept.length, total: fixture.facts.length };
}

const fixtures = [
  ...codeFixtures(ROOT),
  ...logFixtures(),
  ...traceFixtures(),
  ...jsonFixtures(),
  ...proseFixtures(),
  // Without a query, prose falls back to head, tail, headings and section leads.
  ...proseFixtures().map(({ query: _query, ...fixture }) => ({ ...fixture, label: 'markdown, no query' })),
  ...searchFixtures().map((fixture) => ({ ...fixture, wholeWord: true })),
];

const rows = new Map();
for (const fixture of fixtures) {
  const tokens = estimateTokens(fixture.text);
  for (const ratio of RATIOS) {
    const budget = Math.floor(tokens * ratio);
    const reduced = await compress(fixture.text, {
      kind: fixture.kind,
      budgetTokens: budget,
      ...(fixture.path ? { path: fixture.path } : {}),
      ...(fixture.query ? { query: fixture.query } : {}),
    });
    const label = fixture.label ?? fixture.kind;
    const key = `${label}@${ratio}`;
    const row = rows.get(key) ?? { kind: label, ratio, fixtures: 0, facts: 0, reducer: 0, head: 0, headTail: 0, tokensIn: 0, tokensOut: 0, overBudget: 0 };
    row.fixtures++;
    row.facts += fixture.facts.length;
    row.reducer += keptShare(reduced.text, fixture).kept;
    row.head += keptShare(headTruncate(fixture.text, budget), fixture).kept;
    row.headTail += keptShare(headTailTruncate(fixture.text, budget), fixture).kept;
    row.tokensIn += tokens;
    row.tokensOut += reduced.tokensAfter;
    if (reduced.tokensAfter > budget) row.overBudget++;
    rows.set(key, row);
  }
}

const percent = (part, whole) => `${((part / whole) * 100).toFixed(0)}%`;
const table = [...rows.values()];
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(table, null, 2));
} else {
  const header = ['kind', 'files', 'facts', 'budget', 'reducer', 'head', 'head+tail', 'used', 'over budget'];
  const body = table.map((row) => [
    row.kind,
    String(row.fixtures),
    String(row.facts),
    `${row.ratio * 100}%`,
    percent(row.reducer, row.facts),
    percent(row.head, row.facts),
    percent(row.headTail, row.facts),
    percent(row.tokensOut, row.tokensIn),
    row.overBudget === 0 ? '-' : `${row.overBudget} of ${row.fixtures}`,
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of body) console.log(format(line));
  console.log('');
  console.log('facts kept = share of labelled facts present in the output; used = output tokens / input tokens.');
  const losses = table.filter((row) => row.reducer < row.headTail || (row.reducer === row.headTail && row.reducer < row.facts));
  console.log(losses.length === 0 ? 'Goal met: every reducer beats head+tail at every budget.' : `Not beating head+tail: ${losses.map((row) => `${row.kind}@${row.ratio * 100}%`).join(', ')}`);
  const code = rows.get('code@0.25');
  if (code) console.log(`Code skeleton at 25%: ${percent(code.reducer, code.facts)} of the exported API surface (goal ≥ 95%).`);
}
