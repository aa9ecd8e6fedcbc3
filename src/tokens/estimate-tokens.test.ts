import { describe, expect, it } from 'vitest';
import { estimateTokens, piecesTokens, scanTokens } from './estimate-tokens.js';

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

describe('estimateTokens as a piece count', () => {
  // The definition, as a regular expression: runs of letters, digits, whitespace and the rest.
  const PIECE = /[A-Za-z]+|[0-9]+|\s+|[^A-Za-z0-9\s]+/g;
  function byPieces(text: string): number {
    let tokens = 0;
    for (const [piece] of text.matchAll(PIECE)) {
      const first = piece.charCodeAt(0);
      if (/\s/.test(piece[0])) tokens += piece.split('\n').length - 1;
      else if (first >= 48 && first <= 57) tokens += Math.ceil(piece.length / 3);
      else if (/[A-Za-z]/.test(piece[0])) tokens += Math.ceil(piece.length / 4);
      else tokens += first > 127 ? Math.ceil(piece.length * 1.5) : Math.ceil(piece.length / 2);
    }
    return Math.max(1, tokens);
  }

  it('counts exactly the pieces of the definition, on every kind of character', () => {
    const alphabet = ['a', 'Z', 'q', '7', '0', ' ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '{', '"', ':', '.', 'é', '日', '\u{1F600}', '\u0085', '_', '-'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)].repeat(1 + Math.floor(random() * 5))).join('');
      expect(estimateTokens(text), JSON.stringify(text)).toBe(byPieces(text));
    }
  });

  it('counts the same by pieces (short texts) and by one scan (long ones)', () => {
    const alphabet = ['a', 'Z', '7', ' ', '\n', '\t', '\u00a0', '\u2028', '{', '"', 'é', '日', '\u{1F600}', '\u0085', '_'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * alphabet.length)].repeat(1 + Math.floor(random() * 5))).join(''));
    for (const text of [...texts, texts.join('\n').repeat(8)]) expect(piecesTokens(text), JSON.stringify(text.slice(0, 80))).toBe(scanTokens(text));
    const long = texts.join(' ').repeat(20);
    expect(long.length).toBeGreaterThan(64 * 1024);
    expect(estimateTokens(long)).toBe(byPieces(long));
  });
});
