import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './frontmatter-unknown-key.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);

describe('frontmatter-unknown-key', () => {
  it('accepts known keys per kind', () => {
    expect(run('---\ndescription: x\nallowed-tools: Read\nwhen_to_use: y\n---\n')).toEqual([]);
    expect(run('---\nname: a\ndescription: x\ndisallowedTools: Bash\n---\n', '.claude/agents/a.md')).toEqual([]);
  });

  it('warns about typos and suggests the known key', () => {
    expect(run('---\ndescription: x\nallowed_tools: Read\n---\n')).toEqual([
      "3:1 warn Unexpected command frontmatter key 'allowed_tools' (Claude Code ignores it), expected 'allowed-tools'.",
    ]);
    expect(run('---\ndesciption: x\n---\n')[0]).toContain("expected 'description'");
  });

  it('uses the per-kind list: a command key is unknown in an agent', () => {
    expect(run('---\nname: a\ndescription: x\nallowed-tools: Read\n---\n', '.claude/agents/a.md')[0]).toContain(
      "Unexpected agent frontmatter key 'allowed-tools'",
    );
  });

  it('names the docs when nothing is close', () => {
    expect(run('---\nxyzzy: 1\n---\n')[0]).toContain('expected a known key (see docs/rules/frontmatter-unknown-key.md)');
  });
});
