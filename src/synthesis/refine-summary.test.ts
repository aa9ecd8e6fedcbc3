import { describe, expect, it } from 'vitest';
import { compress } from '../compress/index.js';
import type { Discovery } from '../store/store.js';
import { refineSummary } from './refine-summary.js';

const discovery = (overrides: Partial<Discovery>): Discovery => ({
  id: 1,
  kind: 'file',
  key: 'src/orders.ts',
  sessionId: 's1',
  createdAt: 0,
  rawBytes: 0,
  rawTokens: 0,
  summary: '',
  summaryTokens: 0,
  meta: {},
  stale: false,
  useCount: 0,
  hasOriginal: true,
  ...overrides,
});

// A module whose API is spread over 125 lines: a head-and-tail cut (40 lines) loses the middle, a skeleton keeps it.
const source = Array.from({ length: 25 }, (_, i) =>
  [`export function computeOrderTotal${i}(order: Order, rate: number): number {`, `  const subtotal = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);`, `  return subtotal * (1 + rate) + ${i};`, '}', ''].join('\n'),
).join('\n');

describe('refineSummary', () => {
  it('turns a code file into its skeleton: every export named, no bodies, full signatures while they fit', async () => {
    const refined = await refineSummary(discovery({}), { text: source }, compress);
    expect(refined?.method).toBe('code');
    for (let i = 0; i < 25; i++) expect(refined?.summary).toMatch(new RegExp(`export function computeOrderTotal${i}\\b`));
    expect(refined?.summary).not.toContain('order.items.reduce');
    expect(refined!.summaryTokens).toBeLessThanOrEqual(600);
    const small = await refineSummary(discovery({}), { text: source.split('\n\n').slice(0, 5).join('\n\n') }, compress);
    expect(small?.summary).toContain('export function computeOrderTotal4(order: Order, rate: number): number');
  });

  it('collapses a command log by template, keeping its error and its tail', async () => {
    const log = [...Array.from({ length: 400 }, (_, i) => `[build] compiled module ${i} in ${i % 7} ms`), 'ERROR TS2322: Type string is not assignable to type number (src/orders.ts:12:3)', 'build failed with 1 error'].join('\n');
    const refined = await refineSummary(discovery({ kind: 'command', key: 'npm run build', toolName: 'Bash' }), { text: log }, compress);
    expect(refined?.summary).toContain('ERROR TS2322: Type string is not assignable to type number (src/orders.ts:12:3)');
    expect(refined?.summary).toContain('build failed with 1 error');
    expect(refined!.summaryTokens).toBeLessThan(500);
  });

  it('leaves kinds it has no reducer for (a handoff is kept as its agent wrote it), and empty originals', async () => {
    expect(await refineSummary(discovery({ kind: 'agent-report' }), { text: source }, compress)).toBeUndefined();
    expect(await refineSummary(discovery({ kind: 'command', key: 'true' }), { text: '\n\n' }, compress)).toBeUndefined();
  });
});
