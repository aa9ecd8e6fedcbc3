import { describe, expect, it } from 'vitest';
import { reduceMarkdown } from './markdown.js';
import { splitSentences } from './sentences.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';

describe('splitSentences', () => {
  it.each([
    ['One here. Two there! Three?', ['One here.', 'Two there!', 'Three?']],
    ['Use e.g. Vitest for this. Then run it.', ['Use e.g. Vitest for this.', 'Then run it.']],
    ['Edit src/app.ts and v1.2 works. Done.', ['Edit src/app.ts and v1.2 works.', 'Done.']],
  ])('%s', (paragraph, sentences) => {
    expect(splitSentences(paragraph)).toEqual(sentences);
  });
});

const filler = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `The ${topic} section explains detail number ${i} in plain words for readers.`).join(' ');

const doc = [
  '# Guide',
  '',
  'This guide covers setup and use.',
  '',
  '## Install',
  '',
  filler('install', 12),
  '',
  '## Storage',
  '',
  `${filler('storage', 6)} The retention window for snapshots is 37 days. ${filler('storage', 6)}`,
  '',
  '## Closing',
  '',
  'Thanks for reading.',
].join('\n');

describe('reduceMarkdown', () => {
  it('keeps head, tail and headings, and the sentence matching the query, in order', () => {
    const result = reduceMarkdown(doc, { budgetTokens: 90, query: 'how long is the snapshot retention window' });
    expect(result.tokensAfter).toBeLessThanOrEqual(90);
    const text = result.text;
    expect(text.startsWith('# Guide\n\nThis guide covers setup and use.')).toBe(true);
    expect(text).toContain('## Install');
    expect(text).toContain('## Storage');
    expect(text).toContain('The retention window for snapshots is 37 days.');
    expect(text.endsWith('Thanks for reading.')).toBe(true);
    expect(text.indexOf('## Storage')).toBeLessThan(text.indexOf('37 days'));
  });

  it('without a query keeps section leads before later sentences', () => {
    const text = reduceMarkdown(doc, { budgetTokens: 120 }).text;
    expect(text).toContain('The install section explains detail number 0');
    expect(text).not.toContain('detail number 11');
  });

  it('returns short documents unchanged in substance', () => {
    const short = '# Title\n\nOne sentence. Two sentences.\n\n- item a\n- item b';
    expect(reduceMarkdown(short).text).toBe('# Title\n\nOne sentence. Two sentences.\n\n- item a\n\n- item b');
  });

  it('keeps code blocks whole when short and drops inner lines of long ones', () => {
    const long = ['# Code', '', '```ts', ...Array.from({ length: 30 }, (_, i) => `const v${i} = ${i};`), '```'].join('\n');
    const text = reduceMarkdown(long, { budgetTokens: 400 }).text;
    expect(text).toContain('const v0 = 0;');
    expect(text).toContain('… 20 lines omitted');
    expect(text).not.toContain('const v29');
    expect(text.endsWith('```')).toBe(true);
  });
});

describe('reduceMarkdown without a query', () => {
  const plain = (topic: string, n: number) => Array.from({ length: n }, () => `The ${topic} part explains more in plain words for readers.`).join(' ');
  const guide = ['# Guide', '', 'This guide covers setup and use.', '', '## Storage', '', `${plain('storage', 8)} The purgeSnapshots job deletes snapshots after 37 days. ${plain('storage', 8)}`, '', '## Closing', '', 'Thanks for reading.'].join('\n');

  it('keeps the sentence that carries identifiers and numbers over plain sentences', () => {
    const result = reduceMarkdown(guide, { budgetTokens: 60 });
    expect(result.text).toContain('The purgeSnapshots job deletes snapshots after 37 days.');
    expect(result.tokensAfter).toBeLessThanOrEqual(60);
  });

  it('gives plain sentences no such lift: without specific tokens the head and tail win', () => {
    const result = reduceMarkdown(guide.replace('The purgeSnapshots job deletes snapshots after 37 days. ', ''), { budgetTokens: 40 });
    expect(result.text).toContain('# Guide');
    expect(result.text).toContain('Thanks for reading.');
  });
});

describe('reduceMarkdown within its budget', () => {
  it('never goes over the budget, even when gap markers between scattered sentences cost more than estimated', async () => {
    // The retention benchmark's guides: without a query, one of them came out a token over at 10%.
    const fixtures = '../../scripts/bench/fixtures/retention-fixtures.js';
    const { proseFixtures } = (await import(fixtures)) as { proseFixtures: () => Array<{ text: string }> };
    for (const { text } of proseFixtures()) {
      for (const ratio of [0.05, 0.1, 0.25, 0.5]) {
        const budgetTokens = Math.floor(estimateTokens(text) * ratio);
        expect(reduceMarkdown(text, { budgetTokens }).tokensAfter).toBeLessThanOrEqual(budgetTokens);
      }
    }
  });
});
