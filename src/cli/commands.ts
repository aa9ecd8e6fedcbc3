import type { Command } from './command.js';

/** The command table: name and one-line summary; each command lives in src/cli/<name>.ts. */
export interface CommandEntry {
  name: string;
  summary: string;
}

/** Loads a command's module; only the running command's code is imported. */
export function loadCommand(name: string): Promise<{ default: Command }> {
  return import(`./${name}.js`) as Promise<{ default: Command }>;
}

export const commands: CommandEntry[] = [
  { name: 'generate', summary: 'Compile templates into .claude/commands, agents and context files' },
  { name: 'lint', summary: 'Check commands, agents, context files and CLAUDE.md against the budgets' },
  { name: 'install', summary: 'Wire ctxkit hooks into Claude Code settings (or a git pre-commit hook)' },
  { name: 'uninstall', summary: 'Remove exactly what install added' },
  { name: 'hook', summary: 'Run one Claude Code hook event (called by Claude Code)' },
  { name: 'context', summary: 'Print what would be injected for a query' },
  { name: 'compress', summary: 'Show what a reducer keeps of a file' },
  { name: 'show', summary: 'Print a stored original by id' },
  { name: 'stats', summary: 'Tokens used, injected and saved, per session' },
  { name: 'doctor', summary: 'Check settings, hooks, store and Claude Code' },
  { name: 'refine', summary: 'Refine captured summaries now (reducers, or verified model summaries)' },
  { name: 'forget', summary: 'Delete what the store kept' },
];
