import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './frontmatter-yaml.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('frontmatter-yaml', () => {
  it.each([
    ['plain keys', '---\ndescription: Deploy the app\n---\nBody\n'],
    ['unquoted argument-hint with brackets (valid in Claude Code)', '---\nargument-hint: [issue-number] [priority]\n---\nBody\n'],
    ['a description containing ": "', '---\ndescription: Fix: the build\n---\nBody\n'],
    ['no frontmatter at all', '# Heading\n\nText\n'],
  ])('accepts %s', (_name, text) => {
    expect(run(text)).toEqual([]);
  });

  it('reports YAML that still fails after auto-quoting, with the line', () => {
    const [found] = run('---\ndescription: ok\nallowed-tools:\n  - Bash(git *)\n bad: [\n---\nBody\n');
    expect(found).toMatch(/^\d+:1 Unexpected invalid YAML in frontmatter \(.+\), even after auto-quoting; expected valid YAML/);
  });

  it('reports frontmatter that is never closed', () => {
    expect(run('---\ndescription: x\n\nBody\n')).toEqual([
      "1:1 Unexpected opening '---' without a closing '---', expected frontmatter closed by a '---' line: Claude Code reads it all as body text.",
    ]);
  });

  it('checks agents too, but not context files', () => {
    expect(run('---\na: [\n  b: {\n---\n', '.claude/agents/x.md')).toHaveLength(1);
    expect(run('---\na: [\n  b: {\n---\n', '.claude/context/x.md')).toEqual([]);
  });
});
