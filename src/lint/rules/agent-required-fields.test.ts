import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './agent-required-fields.js';

const run = (text: string, path = '.claude/agents/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('agent-required-fields', () => {
  it('accepts name and description', () => {
    expect(run('---\nname: code-reviewer\ndescription: Reviews diffs\n---\nYou review code.\n')).toEqual([]);
  });

  it('reports each missing field', () => {
    expect(run('You review code.\n')).toEqual([
      "1:1 Unexpected agent without 'name' in frontmatter, expected 'name': Claude Code does not load a subagent without it.",
      "1:1 Unexpected agent without 'description' in frontmatter, expected 'description': Claude Code does not load a subagent without it.",
    ]);
  });

  it('reports a name that is not lowercase-hyphen', () => {
    expect(run('---\ndescription: x\nname: Code_Reviewer\n---\n')).toEqual([
      "3:1 Unexpected agent name 'Code_Reviewer', expected lowercase letters, digits and hyphens (e.g. code-reviewer).",
    ]);
  });

  it('leaves commands alone', () => {
    expect(run('Body\n', '.claude/commands/a.md')).toEqual([]);
  });
});
