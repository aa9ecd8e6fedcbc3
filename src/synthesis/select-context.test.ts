import { describe, expect, it } from 'vitest';
import type { Discovery } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { MAX_BLOCK_CHARS, renderItem, selectContext } from './select-context.js';
import type { RankedCandidate } from './rank-candidates.js';

const HOUR = 3_600_000;
const NOW = 10 * HOUR;
function d(id: number, extra: Partial<Discovery> = {}): Discovery {
  return {
    id,
    key: `src/file-${id}.ts`,
    summary: `export function thing${id}() { … }`,
    kind: 'file',
    sessionId: '1a2b3c4d-aaaa',
    createdAt: NOW - 2 * HOUR,
    rawBytes: 16000,
    rawTokens: 4100,
    summaryTokens: 10,
    meta: {},
    stale: false,
    useCount: 0,
    hasOriginal: true,
    contentHash: `h${id}`,
    ...extra,
  };
}
const ranked = (...discoveries: Discovery[]): RankedCandidate[] => discoveries.map((discovery, i) => ({ discovery, relevance: 5 - i * 0.1, score: 5 - i * 0.1 }));
const fresh = (...discoveries: Discovery[]) => new Map(discoveries.map((x) => [x.key, x.contentHash ?? null] as [string, string | null]));

describe('selectContext', () => {
  it('renders a block with provenance and age, starting with the ctxkit marker', () => {
    const a = d(1, { agentId: 'ag1', agentType: 'Explore' });
    const b = d(2, { kind: 'search', key: 'openDatabase in src', meta: { tool: 'Grep' }, summary: 'src/store/open.ts:12: export function openDatabase', contentHash: 'x' });
    const selection = selectContext({ ranked: ranked(a, b), hashes: fresh(a), now: NOW, budgetTokens: 1500, audience: 'session' });
    expect(selection.block).toBe(
      [
        `[ctxkit] 2 items from earlier sessions (≈${selection.block!.match(/≈(\d+)/)![1]} tokens). Summaries, not full text: \`ctxkit show <#id>\` prints one whole.`,
        `- src/file-1.ts (read by session 1a2b, Explore agent, 2 h ago, 4.1k→${estimateTokens('export function thing1() { … }')} tok, #1): export function thing1() { … }`,
        `- Grep \`openDatabase in src\` (searched by session 1a2b, 2 h ago, 4.1k→${estimateTokens('src/store/open.ts:12: export function openDatabase')} tok, #2): src/store/open.ts:12: export function openDatabase`,
      ].join('\n'),
    );
    expect(selection.items.map((item) => item.discovery.id)).toEqual([1, 2]);
    expect(selection.tokens).toBe(estimateTokens(selection.block!));
    expect(Number(selection.block!.match(/≈(\d+)/)![1])).toBeGreaterThanOrEqual(selection.tokens - 5);
  });

  it('injects nothing when there is nothing, or the budget is 0', () => {
    expect(selectContext({ ranked: [], hashes: new Map(), now: NOW, budgetTokens: 1500, audience: 'session' }).block).toBeUndefined();
    const a = d(1);
    expect(selectContext({ ranked: ranked(a), hashes: fresh(a), now: NOW, budgetTokens: 0, audience: 'session' }).block).toBeUndefined();
  });

  it('drops stale file summaries and what the conversation already got; keeps one item per subject', () => {
    const changed = d(1);
    const given = d(2);
    const best = d(3, { key: 'src/same.ts', contentHash: 'h3' });
    const older = d(4, { key: 'src/same.ts', contentHash: 'h3', createdAt: NOW - 9 * HOUR });
    const selection = selectContext({
      ranked: ranked(changed, given, best, older),
      hashes: new Map([['src/file-1.ts', 'edited'], ['src/file-2.ts', 'h2'], ['src/same.ts', 'h3']]),
      now: NOW,
      budgetTokens: 1500,
      alreadyInjected: new Set([2]),
      audience: 'session',
    });
    expect(selection.items.map((item) => item.discovery.id)).toEqual([3]);
    expect(selection.dropped.map((x) => [x.discovery.id, x.reason])).toEqual([
      [1, 'file changed since it was read'],
      [2, 'already given to this conversation'],
      [4, 'a better item covers the same subject'],
    ]);
    expect(selection.block).not.toContain('file-1');
  });

  it('says which source of a handoff changed, and lists covered files for a subagent', () => {
    const report = d(5, {
      kind: 'agent-report',
      key: 'Map the store',
      contentHash: undefined,
      summary: 'done\n## Handoff\n### Findings\n- openDatabase runs migrations\n### Files\n- src/a.ts:1-9: entry\n### Decisions\n- none taken\n### Open questions\n- none',
      handoff: { task: 'Map the store', sources: [{ path: 'src/a.ts', contentHash: 'A' }, { path: 'src/b.ts', contentHash: 'B' }, { path: 'src/c.ts', contentHash: 'C' }] },
    });
    const selection = selectContext({ ranked: ranked(report), hashes: new Map([['src/a.ts', 'A'], ['src/b.ts', 'B2'], ['src/c.ts', 'C']]), now: NOW, budgetTokens: 1500, audience: 'subagent' });
    expect(selection.block).toContain('[ctxkit] 1 item from the shared pool for your task');
    expect(selection.block).toContain('- handoff "Map the store" (reported by session 1a2b, 2 h ago');
    expect(selection.block).toContain('  - openDatabase runs migrations\n  - src/a.ts:1-9: entry\n  - decided: none taken\n  note: changed since it was written: src/b.ts');
    expect(selection.block).toContain('Already covered (same bytes as on disk now; Read them only for exact lines): src/a.ts, src/c.ts');
    expect(selection.coveredFiles).toEqual(['src/a.ts', 'src/c.ts']);
  });

  it.each([
    [200, 30],
    [600, 30],
    [1500, 30],
    [5000, 30],
  ])('packs under a budget of %i tokens and the 9,000-character cap', (budget, count) => {
    const pool = Array.from({ length: count }, (_, i) => d(i + 1, { summary: Array.from({ length: 60 }, (_, line) => `line ${line} of file ${i}: const value${line} = compute(${line});`).join('\n') }));
    const selection = selectContext({ ranked: ranked(...pool), hashes: fresh(...pool), now: NOW, budgetTokens: budget, audience: 'session', maxItems: 30 });
    expect(selection.block).toBeDefined();
    expect(estimateTokens(selection.block!)).toBeLessThanOrEqual(budget);
    expect(selection.block!.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    // Each item is cut (and says so) rather than dropped whole when it alone is too big.
    expect(selection.block).toMatch(/more lines \(ctxkit show \d+\)/);
  });

  it('renders a multi-line body indented under its label', () => {
    expect(renderItem(d(7), 'one\ntwo', 3, NOW)).toBe('- src/file-7.ts (read by session 1a2b, 2 h ago, 4.1k→3 tok, #7):\n  one\n  two');
  });
});

describe('selectContext with handoffs', () => {
  it('leaves out a file read by the agent of a better-ranked handoff; keeps it when it ranks higher or another reader had it', () => {
    const file = d(1, { key: 'src/a.ts', contentHash: 'A', agentId: 'ag' });
    const report = d(2, { kind: 'agent-report', key: 'Map a', agentId: 'ag', contentHash: undefined, summary: 'a is fine', handoff: { task: 't', sources: [{ path: 'src/a.ts', contentHash: 'A' }] } });
    const hashes = new Map([['src/a.ts', 'A']]);
    const below = selectContext({ ranked: ranked(report, file), hashes, now: NOW, budgetTokens: 1500, audience: 'session' });
    expect(below.items.map((item) => item.discovery.id)).toEqual([2]);
    expect(below.dropped).toEqual([{ discovery: file, reason: 'covered by handoff #2' }]);
    const above = selectContext({ ranked: ranked(file, report), hashes, now: NOW, budgetTokens: 1500, audience: 'session' });
    expect(above.items.map((item) => item.discovery.id)).toEqual([1, 2]);
    const mainRead = { ...file, agentId: undefined };
    expect(selectContext({ ranked: ranked(report, mainRead), hashes, now: NOW, budgetTokens: 1500, audience: 'session' }).items.map((item) => item.discovery.id)).toEqual([2, 1]);
  });
});
