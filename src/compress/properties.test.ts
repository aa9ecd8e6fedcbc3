import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUnsupportedFacts } from './fact-tokens.js';
import { logTemplate } from './log-template.js';
import { lineSeverity } from './line-severity.js';
import { compress, compressSync } from './index.js';
import type { ContentKind } from './types.js';

// Small seeded generator so every run checks the same inputs and a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

const WORDS = ['alpha', 'cache', 'parseConfig', 'user_id', 'retryCount', 'src/lib/store.ts', 'TS2345', 'E0308', '0x1f3a', 'v2.4.1', 'ECONNREFUSED', 'node_modules/x/index.js:12:4'];

function makeLog(next: () => number): string {
  const templates = ['INFO request {n} served in {n}ms', 'DEBUG cache hit for key-{n}', 'WARN slow query on table t{n}', 'ERROR failed to open {w} (code {n})', 'panic: index out of range [{n}]', 'info: {w} ready'];
  return Array.from({ length: 150 + Math.floor(next() * 150) }, () =>
    pick(next, templates).replace(/\{n\}/g, () => String(Math.floor(next() * 100000))).replace(/\{w\}/g, () => pick(next, WORDS)),
  ).join('\n');
}

function makeJson(next: () => number): string {
  const items = Array.from({ length: 30 + Math.floor(next() * 50) }, (_, i) => ({
    id: `item-${i}-${Math.floor(next() * 1e6)}`,
    status: next() < 0.05 ? 'error' : 'ok',
    note: next() < 0.3 ? `${pick(next, WORDS)} ${'detail '.repeat(Math.floor(next() * 40))}${pick(next, WORDS)}` : null,
    nested: { a: { b: { c: { d: { e: { f: pick(next, WORDS) } } } } } },
  }));
  return JSON.stringify({ requestId: `req-${Math.floor(next() * 1e6)}`, items }, null, 2);
}

function makeMarkdown(next: () => number): string {
  const out: string[] = ['# Document'];
  for (let s = 0; s < 6; s++) {
    out.push('', `## Section ${s} ${pick(next, WORDS)}`, '');
    out.push(Array.from({ length: 8 }, () => `The ${pick(next, WORDS)} step uses ${pick(next, WORDS)} with ${Math.floor(next() * 999)} items.`).join(' '));
    if (next() < 0.5) out.push('', '```ts', ...Array.from({ length: 20 }, (_, i) => `const v${i} = ${pick(next, ['1', '"x"', 'fn()'])};`), '```');
    out.push('', `- ${pick(next, WORDS)} item`, `- ${pick(next, WORDS)} item`);
  }
  return out.join('\n');
}

function makePaths(next: () => number): string[] {
  return Array.from({ length: 40 + Math.floor(next() * 200) }, (_, i) => `/home/dev/app/${pick(next, ['src', 'test', 'docs'])}/${pick(next, ['lib', 'cli', 'core/deep'])}/file_${i}.${pick(next, ['ts', 'md', 'json'])}`);
}

function makeGrep(next: () => number): string {
  return makePaths(next)
    .slice(0, 30)
    .flatMap((path) => Array.from({ length: 1 + Math.floor(next() * 8) }, () => `${path.replace('/home/dev/app/', '')}:${1 + Math.floor(next() * 500)}:  const x = ${pick(next, WORDS)};`))
    .join('\n');
}

const SOURCES = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => ({ path: file, text: readFileSync(new URL(file, import.meta.url), 'utf8') }));

const SEEDS = [1, 2, 3, 4, 5];
const RATIOS = [undefined, 0.1, 0.25, 0.5];

const cases: { kind: ContentKind; make: (next: () => number) => string }[] = [
  { kind: 'log', make: makeLog },
  { kind: 'json', make: makeJson },
  { kind: 'markdown', make: makeMarkdown },
  { kind: 'report', make: makeMarkdown },
  { kind: 'text', make: makeLog },
  { kind: 'glob', make: (next) => makePaths(next).join('\n') },
  { kind: 'grep', make: makeGrep },
];

describe('reducer properties', () => {
  describe.each(cases)('$kind', ({ kind, make }) => {
    it.each(SEEDS)('never garbles a kept identifier, path or number, and is deterministic (seed %i)', (seed) => {
      const input = make(random(seed));
      for (const ratio of RATIOS) {
        const budgetTokens = ratio === undefined ? undefined : Math.ceil(compressSync(input, { kind: 'text', budgetTokens: 1e9 }).tokensBefore * ratio);
        const options = { kind, ...(budgetTokens === undefined ? {} : { budgetTokens }) };
        const first = compressSync(input, options);
        expect(findUnsupportedFacts(first.text, input)).toEqual([]);
        expect(compressSync(input, options)).toEqual(first);
      }
    });
  });

  it.each(SOURCES.map((source) => [source.path, source] as const))('code skeleton of %s never garbles tokens', async (_, source) => {
    for (const ratio of RATIOS) {
      const options = { kind: 'code' as const, path: source.path, ...(ratio ? { budgetTokens: Math.ceil((source.text.length / 4) * ratio) } : {}) };
      const result = await compress(source.text, options);
      expect(findUnsupportedFacts(result.text, source.text)).toEqual([]);
      expect((await compress(source.text, options)).text).toBe(result.text);
    }
  });

  it.each(SEEDS)('names every file of a Glob result (seed %i)', (seed) => {
    const paths = makePaths(random(seed));
    const result = compressSync(paths.join('\n'), { kind: 'glob', budgetTokens: 20 });
    for (const path of paths) expect(result.text).toContain(path.slice(path.lastIndexOf('/') + 1));
  });

  it.each(SEEDS)('keeps one example of every error template of a log (seed %i)', (seed) => {
    const input = makeLog(random(seed));
    const lines = input.split('\n');
    const errorTemplates = new Set(lines.filter((line) => lineSeverity(line) === 'error').map((line) => logTemplate(line)));
    for (const budgetTokens of [undefined, Math.ceil(compressSync(input, { kind: 'log' }).tokensBefore * 0.1)]) {
      const output = compressSync(input, { kind: 'log', ...(budgetTokens ? { budgetTokens } : {}) }).text;
      const kept = new Set(
        output
          .split('\n')
          .flatMap((line) => line.replace(/^\[×\d+\] /, '').split(' … '))
          .map((line) => logTemplate(line)),
      );
      for (const template of errorTemplates) expect(kept.has(template), template).toBe(true);
    }
  });
});
