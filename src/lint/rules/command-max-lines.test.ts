import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './command-max-lines.js';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const run = (path: string, text: string, budgets = {}) =>
  lintText({ path, text, rules: [rule], budgets }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('command-max-lines', () => {
  it('accepts a command at the budget', () => {
    expect(run('.claude/commands/deploy.md', lines(140))).toEqual([]);
  });

  it('reports a command over the budget at the first line past it', () => {
    const [found] = run('.claude/commands/deploy.md', lines(212));
    expect(found).toMatch(/^141:1 Unexpected 212 lines, expected at most 140 in a command/);
  });

  it('counts frontmatter lines and ignores a missing final newline', () => {
    expect(run('.claude/commands/a.md', `---\ndescription: x\n---\n${lines(138)}`)).toHaveLength(1);
    expect(run('.claude/commands/a.md', lines(140).trimEnd())).toEqual([]);
  });

  it('applies the configured budget and per-glob overrides (last match wins)', () => {
    expect(run('.claude/commands/a.md', lines(60), { commandLines: 50 })).toHaveLength(1);
    const overrides = [
      { glob: '.claude/commands/**', maxLines: 10 },
      { glob: '.claude/commands/big/*.md', maxLines: 300 },
    ];
    expect(run('.claude/commands/big/a.md', lines(250), { overrides })).toEqual([]);
    expect(run('.claude/commands/small.md', lines(11), { overrides })[0]).toMatch(/^11:1 Unexpected 11 lines, expected at most 10/);
  });

  it('ignores files that are not commands', () => {
    expect(run('.claude/agents/a.md', lines(180))).toEqual([]);
    expect(run('docs/a.md', lines(500))).toEqual([]);
  });
});
