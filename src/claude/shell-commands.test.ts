import { describe, expect, it } from 'vitest';
import { findShellCommands, isShellCommandAllowed, parseAllowedTools, suggestAllowedTool } from './shell-commands.js';

describe('findShellCommands', () => {
  it('finds inline commands at line start or after whitespace, and ! blocks', () => {
    const body = ['Status: !`git status --short`', '!`npm test`', 'KEY=!`not-a-command`', '```!', 'ls -la', '```', '```sh', '!`inside code`', '```'].join('\n');
    expect(findShellCommands(body)).toEqual([
      { line: 0, command: 'git status --short' },
      { line: 1, command: 'npm test' },
      { line: 4, command: 'ls -la' },
    ]);
  });

  it('takes a ! block as one script, so a heredoc stays with its command', () => {
    const body = ['Intro', '```!', '', "npx --no ctxkit context - <<'GOAL'", 'a "quoted" `goal`', 'GOAL', '```'].join('\n');
    expect(findShellCommands(body)).toEqual([{ line: 3, command: "npx --no ctxkit context - <<'GOAL'\na \"quoted\" `goal`\nGOAL" }]);
    expect(isShellCommandAllowed(findShellCommands(body)[0].command, ['Bash(npx --no ctxkit context *)'])).toBe(true);
  });
});

describe('parseAllowedTools', () => {
  it('splits strings on spaces and commas outside parentheses, and reads lists', () => {
    expect(parseAllowedTools('Bash(git add *) Bash(git commit *), Read')).toEqual(['Bash(git add *)', 'Bash(git commit *)', 'Read']);
    expect(parseAllowedTools(['Bash(npm test)', 'Grep'])).toEqual(['Bash(npm test)', 'Grep']);
    expect(parseAllowedTools(undefined)).toEqual([]);
  });
});

describe('isShellCommandAllowed', () => {
  it.each([
    ['git status --short', ['Bash(git status *)'], true],
    ['git status', ['Bash(git status *)'], true],
    ['git push', ['Bash(git status *)'], false],
    ['npm test', ['Bash(npm test)'], true],
    ['npm test -- --watch', ['Bash(npm test)'], false],
    ['npx ctxkit context "a goal"', ['Bash(npx ctxkit:*)'], true],
    ['anything', ['Bash'], true],
    ['ls', ['Read'], false],
  ])('%s with %j is %s', (command, rules, expected) => {
    expect(isShellCommandAllowed(command, rules)).toBe(expected);
  });

  it('suggests a rule that allows the command', () => {
    for (const command of ['git log --oneline -5', 'ctxkit context "$ARGUMENTS"', 'ls']) {
      expect(isShellCommandAllowed(command, [suggestAllowedTool(command)])).toBe(true);
    }
  });
});
