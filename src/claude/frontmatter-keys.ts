/**
 * Frontmatter keys Claude Code 2.1.197 reads, with the value types it accepts (shared/reference/
 * claude-code.md §5.1 for commands, §5.2 for subagents). Used to warn about unknown keys (usually
 * typos, silently ignored by Claude Code) and to report values of the wrong type.
 */
export type ValueType = 'string' | 'string-or-list' | 'boolean' | 'integer' | 'object' | 'object-or-list';

export interface KeySpec {
  type: ValueType;
  /** Allowed values, for keys that take one of a few words. */
  values?: readonly string[];
}

const EFFORT = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

export const COMMAND_KEYS: Readonly<Record<string, KeySpec>> = {
  description: { type: 'string' },
  // A lone `[env]` parses as a YAML list; Claude Code shows it as the hint all the same.
  'argument-hint': { type: 'string-or-list' },
  arguments: { type: 'string-or-list' },
  'allowed-tools': { type: 'string-or-list' },
  'disallowed-tools': { type: 'string-or-list' },
  model: { type: 'string' },
  effort: { type: 'string', values: EFFORT },
  'disable-model-invocation': { type: 'boolean' },
  'user-invocable': { type: 'boolean' },
  context: { type: 'string', values: ['fork'] },
  agent: { type: 'string' },
  hooks: { type: 'object' },
  paths: { type: 'string-or-list' },
  shell: { type: 'string', values: ['bash', 'powershell'] },
  when_to_use: { type: 'string' },
  name: { type: 'string' },
};

export const AGENT_KEYS: Readonly<Record<string, KeySpec>> = {
  name: { type: 'string' },
  description: { type: 'string' },
  tools: { type: 'string-or-list' },
  disallowedTools: { type: 'string-or-list' },
  model: { type: 'string' },
  permissionMode: { type: 'string' },
  maxTurns: { type: 'integer' },
  skills: { type: 'string-or-list' },
  mcpServers: { type: 'object-or-list' },
  hooks: { type: 'object' },
  memory: { type: 'string', values: ['user', 'project', 'local'] },
  background: { type: 'boolean' },
  effort: { type: 'string', values: EFFORT },
  isolation: { type: 'string', values: ['worktree'] },
  color: { type: 'string' },
  initialPrompt: { type: 'string' },
};

/** Subagent names: lowercase letters, digits and hyphens (hooks receive the name as `agent_type`). */
export const AGENT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `value` has the type a key expects. */
export function hasValueType(value: unknown, type: ValueType): boolean {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const isStringList = Array.isArray(value) && value.every((item) => typeof item === 'string');
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'string-or-list':
      return typeof value === 'string' || isStringList;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'object':
      return isObject;
    case 'object-or-list':
      return isObject || Array.isArray(value);
  }
}

/** How a value looks, for messages ("a number", "a list"). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `'${String(value)}'`;
}

export const TYPE_NAMES: Record<ValueType, string> = {
  string: 'a string',
  'string-or-list': 'a string or a list of strings',
  boolean: 'true or false',
  integer: 'a whole number',
  object: 'a mapping',
  'object-or-list': 'a mapping or a list',
};
