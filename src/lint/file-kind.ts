import type { FileKind } from './types.js';

/**
 * Classifies a root-relative path by where Claude Code looks for it: commands and agents under any
 * `.claude/` folder, context files under `.claude/context/`, and `CLAUDE.md` anywhere. Anything else
 * (a configured glob or a path given on the command line) is `other`.
 */
export function classifyFile(path: string): FileKind {
  const normalized = `/${path.replace(/\\/g, '/')}`;
  if (/\/CLAUDE\.md$/i.test(normalized)) return 'claude-md';
  if (normalized.includes('/.claude/commands/')) return 'command';
  if (normalized.includes('/.claude/agents/')) return 'agent';
  if (normalized.includes('/.claude/context/')) return 'context';
  return 'other';
}
