/**
 * The frontmatter keys Claude Code 2.1.197 reads in command files (.claude/commands/**.md, now part of
 * the skills system) and in subagent files (.claude/agents/*.md). See the verified reference, §5.1/§5.2.
 */
export const COMMAND_FIELDS = [
  'description',
  'argument-hint',
  'arguments',
  'allowed-tools',
  'disallowed-tools',
  'model',
  'effort',
  'disable-model-invocation',
  'user-invocable',
  'context',
  'agent',
  'hooks',
  'paths',
  'shell',
  'when_to_use',
  'name',
] as const;

export const AGENT_FIELDS = [
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'permissionMode',
  'maxTurns',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'effort',
  'isolation',
  'color',
  'initialPrompt',
] as const;

/** Subagent names: lowercase letters, digits and hyphens (hooks receive the name as `agent_type`). */
export const AGENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Keys under the `ctxkit:` frontmatter key: instructions to the generator, never written to the output. */
export const GENERATOR_DIRECTIVES = ['allowShell'] as const;
