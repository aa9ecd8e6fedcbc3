import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesAnyGlob } from './glob-to-regexp.js';

describe('globToRegExp', () => {
  it.each([
    ['.claude/commands/**/*.md', '.claude/commands/a.md', true],
    ['.claude/commands/**/*.md', '.claude/commands/ns/deep/a.md', true],
    ['.claude/commands/**/*.md', '.claude/agents/a.md', false],
    ['*.pem', 'keys/server.pem', true],
    ['**/.env.*', '.env.local', true],
    ['**/.env.*', 'app/.env.production', true],
    ['src/*.ts', 'src/a/b.ts', false],
    ['file?.md', 'file1.md', true],
    ['*.{md,txt}', 'notes.txt', true],
    ['[ab].md', 'c.md', false],
  ])('%s against %s is %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('normalizes backslashes and a leading ./', () => {
    expect(matchesAnyGlob('.\\keys\\id_rsa', ['**/id_rsa*'])).toBe(true);
    expect(matchesAnyGlob('./docs/a.md', ['docs/*.md'])).toBe(true);
  });
});
