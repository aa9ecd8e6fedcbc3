import { describe, expect, it } from 'vitest';
import { validateConfig } from './index.js';
import { mergeConfig, defaultConfig } from './index.js';

describe('validateConfig', () => {
  it('accepts an empty object and a full valid config', () => {
    expect(validateConfig({})).toEqual([]);
    expect(validateConfig({ guard: { mode: 'enforce' }, inject: { budgetTokens: 800, subagents: { Explore: { budgetTokens: 0 } } } })).toEqual([]);
  });

  it('names each bad key with what was expected', () => {
    expect(validateConfig({ guard: { mode: 'loud' }, budgets: { commandLines: '140' }, colour: true })).toEqual([
      'guard.mode: expected one of "off", "hint", "enforce", got "loud"',
      'budgets.commandLines: expected integer, got string',
      'colour: unknown key',
    ]);
  });

  it('merges user values over defaults, replacing arrays', () => {
    const merged = mergeConfig(defaultConfig, { budgets: { commandLines: 100 }, privacy: { exclude: ['secret/**'] } });
    expect(merged.budgets.commandLines).toBe(100);
    expect(merged.budgets.contextLines).toBe(200);
    expect(merged.privacy.exclude).toEqual(['secret/**']);
  });
});
