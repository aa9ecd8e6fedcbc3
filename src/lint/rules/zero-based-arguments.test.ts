import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './zero-based-arguments.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('zero-based-arguments', () => {
  it.each([
    ['$0 and $1 together', 'Fix issue $0 with priority $1.\n'],
    ['only $ARGUMENTS', 'Fix $ARGUMENTS.\n'],
    ['$ARGUMENTS[0] and [1]', 'Fix $ARGUMENTS[0] then $ARGUMENTS[1].\n'],
    ['an escaped \\$1', 'Costs \\$1 per run.\n'],
    ['$10', 'Price $10.\n'],
  ])('accepts %s', (_name, text) => {
    expect(run(`---\ndescription: x\n---\n${text}`)).toEqual([]);
  });

  it('reports $1 used while $0 never is', () => {
    expect(run('---\ndescription: x\n---\nFix issue $1.\n')).toEqual([
      '4:11 Unexpected $1 while $0 is never used: $1 is the SECOND argument since Claude Code 2.1.19 (0-based), expected $0 for the first argument (or \\$1 for the literal text).',
    ]);
  });

  it('reports $ARGUMENTS[1] without [0]', () => {
    expect(run('Fix $ARGUMENTS[1]\n')[0]).toMatch(/^1:5 Unexpected \$ARGUMENTS\[1\] while \$ARGUMENTS\[0\] is never used/);
  });

  it('counts code blocks, because substitution is textual', () => {
    expect(run("```bash\nawk '{print $1}'\n```\n")).toHaveLength(1);
  });

  it('only checks commands', () => {
    expect(run('Use $1\n', '.claude/agents/a.md')).toEqual([]);
  });
});
