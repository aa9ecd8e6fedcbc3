import { findShellCommands, isShellCommandAllowed, parseAllowedTools, suggestAllowedTool } from '../../claude/shell-commands.js';
import { messages } from '../messages.js';
import type { LintRule } from '../types.js';

// Each `!` command must pass Claude Code's Bash permission check before the prompt is sent; in `-p`
// runs nobody can answer a prompt, so only the command's own allowed-tools can approve it, and an
// unapproved line fails the whole command ("Shell command permission check failed").
const rule: LintRule = {
  id: 'shell-command-allowed',
  description: "Every !`cmd` line or ```! block in a command is approved by the command's allowed-tools.",
  tags: ['command', 'permissions'],
  defaultSeverity: 'error',
  docs: 'docs/rules/shell-command-allowed.md',
  check(doc, context) {
    if (doc.kind !== 'command' || !doc.text.includes('!')) return;
    const allowed = doc.frontmatter.data['allowed-tools'];
    const rules = parseAllowedTools(allowed);
    for (const shell of findShellCommands(doc.frontmatter.body)) {
      if (isShellCommandAllowed(shell.command, rules)) continue;
      const index = doc.bodyStart + shell.line;
      const column = (doc.lines[index] ?? '').indexOf('!`') + 1;
      context.report({
        line: index + 1,
        column: column > 0 ? column : 1,
        message: messages.shellNotAllowed(shell.command, suggestAllowedTool(shell.command), rules.length > 0),
      });
    }
  },
};

export default rule;
