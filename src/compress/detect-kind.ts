import { languageForPath } from './code-languages.js';
import { isPathLine } from './glob.js';
import { isGrepOutput } from './grep.js';
import { isJsonText } from './json.js';
import type { ContentKind } from './types.js';

/** What is known about where a text came from. */
export interface KindHints {
  path?: string;
  /** The shell command that printed it (Bash tool). */
  command?: string;
  /** Claude Code tool name: Bash, Read, Grep, Glob, WebFetch, Agent/Task, or an MCP tool. */
  toolName?: string;
}

const PROSE_EXTENSIONS = /\.(?:md|mdx|markdown|rst|txt|adoc)$/i;
const LOG_LINE = /^\s*(?:\[?\d{4}-\d{2}-\d{2}|\[?\d{2}:\d{2}:\d{2}|\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\b|npm (?:ERR|WARN)|\s+at\s)/;

function sniff(text: string): ContentKind {
  if (isJsonText(text)) return 'json';
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return 'text';
  if (isGrepOutput(text)) return 'grep';
  if (lines.filter(isPathLine).length >= lines.length * 0.8) return 'glob';
  if (text.includes('\x1b[') || lines.filter((line) => LOG_LINE.test(line)).length >= lines.length * 0.3) return 'log';
  if (/^#{1,6}\s/m.test(text) && lines.filter((line) => /^#{1,6}\s|^\s*[-*]\s/.test(line)).length >= 1) return 'markdown';
  const sentences = lines.filter((line) => /[a-z]{3,}[.!?]\s+[A-Z]/.test(line) || line.split(' ').length > 12).length;
  return sentences >= lines.length * 0.5 ? 'markdown' : 'text';
}

/**
 * Picks the reducer for a text: the tool or path decides when it can (Glob → glob, Grep → grep,
 * Agent → report, Bash → log unless it printed JSON, a `.ts` path → code), otherwise the content is
 * sniffed (JSON, grep matches, path lists, log lines, markdown, prose).
 */
export function detectKind(text: string, hints: KindHints = {}): ContentKind {
  const tool = hints.toolName;
  if (tool === 'Glob') return 'glob';
  if (tool === 'Grep') return isGrepOutput(text) ? 'grep' : sniff(text) === 'glob' ? 'glob' : 'text';
  if (tool === 'Agent' || tool === 'Task') return 'report';
  if (tool === 'Bash' || hints.command !== undefined) return isJsonText(text) ? 'json' : 'log';
  if (hints.path !== undefined) {
    if (languageForPath(hints.path)) return 'code';
    if (/\.json$/i.test(hints.path)) return isJsonText(text) ? 'json' : 'text';
    if (/\.log$/i.test(hints.path)) return 'log';
    if (PROSE_EXTENSIONS.test(hints.path)) return 'markdown';
  }
  if (tool === 'WebFetch') return isJsonText(text) ? 'json' : 'markdown';
  return sniff(text);
}
