import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './shell-command-allowed.js';

const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule] }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('shell-command-allowed', () => {
  it('accepts ! lines approved by allowed-tools (string and list forms)', () => {
    expect(run('---\nallowed-tools: Bash(git status *), Bash(git diff:*)\n---\nStatus: !`git status --short`\nDiff: !`git diff HEAD`\n')).toEqual([]);
    expect(run('---\nallowed-tools:\n  - Bash(npm test *)\n---\n```!\nnpm test -- --run\n```\n')).toEqual([]);
  });

  it('reports an unapproved inline command with a suggested rule', () => {
    expect(run('---\nallowed-tools: Bash(git status *)\n---\nLog: !`git log -5`\n')).toEqual([
      '4:6 Unexpected !`git log -5` without a matching allowed-tools rule, expected allowed-tools to include Bash(git log *): Claude Code refuses to run it otherwise.',
    ]);
  });

  it('reports commands in a ```! block when allowed-tools is missing', () => {
    expect(run('# Title\n```!\nls -la\n```\n')).toEqual([
      "3:1 Unexpected !`ls -la` without a matching allowed-tools rule, expected an 'allowed-tools' entry such as Bash(ls *): Claude Code refuses to run it otherwise.",
    ]);
  });

  it('ignores text that only looks like a shell line', () => {
    expect(run('KEY=!`value` stays literal.\n```bash\n!`not run`\n```\n')).toEqual([]);
  });

  it('only checks commands', () => {
    expect(run('Run !`ls`\n', '.claude/agents/a.md')).toEqual([]);
  });
});
