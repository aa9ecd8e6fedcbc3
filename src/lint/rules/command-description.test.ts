import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './command-description.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('command-description', () => {
  it('accepts a command with a description', () => {
    expect(run('---\ndescription: Deploy the app\n---\nBody\n')).toEqual([]);
  });

  it.each([
    ['no frontmatter', 'Body\n'],
    ['frontmatter without description', '---\nmodel: haiku\n---\nBody\n'],
    ['an empty description', '---\ndescription: ""\n---\nBody\n'],
  ])('reports %s', (_name, text) => {
    expect(run(text)).toEqual([
      "1:1 Unexpected command without 'description' in frontmatter, expected one: the / menu and Claude's choice of when to use it rely on it.",
    ]);
  });

  it('leaves agents and context files alone', () => {
    expect(run('Body\n', '.claude/context/a.md')).toEqual([]);
    expect(run('Body\n', '.claude/agents/a.md')).toEqual([]);
  });
});
