import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './frontmatter-types.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('frontmatter-types', () => {
  it('accepts the types Claude Code reads', () => {
    const command = '---\ndescription: Deploy\nallowed-tools: Bash(git *), Read\ndisable-model-invocation: true\neffort: high\nargument-hint: [env]\n---\n';
    expect(run(command)).toEqual([]);
    const agent = '---\nname: code-reviewer\ndescription: Reviews code\ntools:\n  - Read\n  - Grep\nmaxTurns: 5\nmemory: project\n---\n';
    expect(run(agent, '.claude/agents/r.md')).toEqual([]);
  });

  it('reports a wrong type on the key line', () => {
    expect(run('---\ndescription: x\ndisable-model-invocation: "yes"\n---\n')).toEqual([
      "3:1 Unexpected 'yes' for 'disable-model-invocation', expected true or false.",
    ]);
    expect(run('---\nname: a\ndescription: b\nmaxTurns: five\n---\n', '.claude/agents/a.md')).toEqual([
      "4:1 Unexpected 'five' for 'maxTurns', expected a whole number.",
    ]);
    expect(run('---\ndescription:\n  - a\n  - b\n---\n')).toEqual(["2:1 Unexpected a list for 'description', expected a string."]);
  });

  it('reports a value outside the allowed words', () => {
    expect(run('---\neffort: extreme\n---\n')).toEqual([
      "2:1 Unexpected 'extreme' for 'effort', expected one of 'low', 'medium', 'high', 'xhigh', 'max'.",
    ]);
  });

  it('leaves unknown keys and other kinds alone', () => {
    expect(run('---\ncolour: 5\n---\n')).toEqual([]);
    expect(run('---\neffort: 5\n---\n', 'CLAUDE.md')).toEqual([]);
  });
});
