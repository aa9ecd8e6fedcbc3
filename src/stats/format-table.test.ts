import { describe, expect, it } from 'vitest';
import { formatCount, formatTable } from './format-table.js';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
    [-4500, '-4,500'],
    [12.6, '13'],
  ])('%d → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it('marks gains with + when signed', () => {
    expect(formatCount(2500, { signed: true })).toBe('+2,500');
    expect(formatCount(0, { signed: true })).toBe('0');
    expect(formatCount(-3, { signed: true })).toBe('-3');
  });
});

describe('formatTable', () => {
  it('aligns text left and numbers right under a rule', () => {
    const table = formatTable(['Name', 'Tokens'], [['a', '1,000'], ['longer', '5']], ['left', 'right']);
    expect(table.split('\n')).toEqual(['Name    Tokens', '------  ------', 'a        1,000', 'longer       5']);
  });
});
