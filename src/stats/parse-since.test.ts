import { describe, expect, it } from 'vitest';
import { parseSince } from './parse-since.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('parseSince', () => {
  it.each([
    ['7d', '2026-11-18T12:00:00.000Z'],
    ['12h', '2026-11-25T00:00:00.000Z'],
    ['2w', '2026-11-11T12:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:30:00Z', '2026-11-01T08:30:00.000Z'],
    ['2026-11-01T08:30:00+02:00', '2026-11-01T06:30:00.000Z'],
  ])('%s → %s', (value, iso) => {
    expect(parseSince(value, NOW)?.toISOString()).toBe(iso);
  });

  it.each(['yesterday', '7', '7x', '2026-13-45', '', 'd7'])('rejects %j', (value) => {
    expect(parseSince(value, NOW)).toBeUndefined();
  });
});
