import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens.js';

describe('estimateTokens', () => {
  it('is zero for empty text and at least one otherwise', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens(' ')).toBe(1);
  });

  it('lands near the measured chars-per-token ratios for prose, code, JSON and logs', () => {
    const prose = 'The quick brown fox jumps over the lazy dog while the cat watches from a sunny window. '.repeat(20);
    const code = 'export function readConfig(path: string): Config {\n  const text = fs.readFileSync(path, "utf8");\n  return JSON.parse(text);\n}\n'.repeat(20);
    const json = JSON.stringify({ id: 12345, name: 'item', tags: ['a', 'b'], ok: true, score: 0.75 }).repeat(20);
    const log = '2026-11-25T12:00:01.123Z INFO [worker-3] processed job 4711 in 35ms\n'.repeat(20);
    const ratio = (text: string) => text.length / estimateTokens(text);
    expect(ratio(prose)).toBeGreaterThan(3.2);
    expect(ratio(prose)).toBeLessThan(5);
    expect(ratio(code)).toBeGreaterThan(2.4);
    expect(ratio(code)).toBeLessThan(4.8);
    expect(ratio(json)).toBeGreaterThan(1.8);
    expect(ratio(json)).toBeLessThan(3.4);
    expect(ratio(log)).toBeGreaterThan(1.6);
    expect(ratio(log)).toBeLessThan(3.2);
  });

  it('applies a calibration factor', () => {
    const text = 'hello world '.repeat(100);
    expect(estimateTokens(text, 1.5)).toBe(Math.round(estimateTokens(text) * 1.5));
  });
});
