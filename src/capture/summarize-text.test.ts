import { describe, expect, it } from 'vitest';
import { headAndTail, normalizeOutput, summarizeEnds, summarizeText } from './summarize-text.js';

describe('normalizeOutput', () => {
  it('strips colour codes, CRLF, trailing spaces and blank runs', () => {
    expect(normalizeOutput('\u001b[31mred\u001b[0m  \r\n\r\n\r\n\r\nnext\n')).toBe('red\n\nnext');
  });
});

describe('headAndTail', () => {
  it('keeps short text as is', () => {
    expect(headAndTail('a\nb', { maxLines: 5, maxChars: 100 })).toBe('a\nb');
  });
  it('keeps head and tail lines and says how many were left out', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n');
    const result = headAndTail(text, { maxLines: 10, maxChars: 10_000 }).split('\n');
    expect(result[0]).toBe('line 1');
    expect(result).toContain('… [90 lines omitted] …');
    expect(result.at(-1)).toBe('line 100');
    expect(result).toHaveLength(11);
  });
  it('caps characters for long single lines', () => {
    const result = headAndTail('x'.repeat(5000), { maxLines: 10, maxChars: 100 });
    expect(result.length).toBeLessThan(200);
    expect(result).toContain('[4900 characters omitted]');
  });
});

describe('summarizeText', () => {
  it('summarizes a long log to a bounded size', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `step ${i}: ok`).join('\n') + '\nFAILED: 1 error';
    const summary = summarizeText({ kind: 'command', key: 'npm test', text });
    expect(summary.length).toBeLessThanOrEqual(2600);
    expect(summary).toContain('FAILED: 1 error');
  });
});

describe('summarizeEnds on a huge output', () => {
  const limits = { maxLines: 10, maxChars: 10_000 };
  it('keeps the same head and tail lines as normalising it whole, and about the same omission count', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `\u001b[32mline ${i + 1}\u001b[0m   `);
    const text = lines.join('\r\n');
    const whole = headAndTail(normalizeOutput(text), limits).split('\n');
    const ends = summarizeEnds(text, limits).split('\n');
    expect(text.length).toBeGreaterThan(256 * 1024);
    expect(ends.filter((line) => !line.startsWith('…'))).toEqual(whole.filter((line) => !line.startsWith('…')));
    expect(ends).toContain('… [39990 lines omitted] …');
    expect(whole).toContain('… [39990 lines omitted] …');
  });
  it('keeps characters of a huge output that is one line', () => {
    const summary = summarizeEnds(`BEGIN${'x'.repeat(600_000)}END`, { maxLines: 10, maxChars: 100 });
    expect(summary.startsWith('BEGIN')).toBe(true);
    expect(summary.endsWith('END')).toBe(true);
    expect(summary.length).toBeLessThan(200);
  });
});
