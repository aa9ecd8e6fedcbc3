import type { SessionUsageCursor } from './pool-state.js';

/** Claude Code's model name for messages it writes itself (API errors, interruptions): no API usage. */
const SYNTHETIC_MODEL = '<synthetic>';

/** A cursor at the start of a session's transcript. */
export function emptyUsageCursor(): SessionUsageCursor {
  return { offset: 0, mainTokens: 0, subagentTokens: 0 };
}

/**
 * Folds the next complete lines of a session's own transcript into its running token count. One API
 * response is written as several lines with the same `message.id` (one per content block), so a
 * response is counted once, with its largest figures. Only the last response is remembered across
 * slices: its lines are written together. Sidechain lines (subagents written inline by older
 * Claude Code) are left to the subagents' own count. Pure.
 * @param text the transcript bytes from `cursor.offset` up to and including the last line break
 */
export function advanceUsageCursor(cursor: SessionUsageCursor, text: string): SessionUsageCursor {
  const next: SessionUsageCursor = { ...cursor, offset: cursor.offset + Buffer.byteLength(text) };
  for (const line of text.split('\n')) {
    // Cheap test first: most lines (tool results, attachments) carry no usage.
    if (!line.includes('"usage"') || !line.includes('"assistant"')) continue;
    const usage = responseUsage(line);
    if (!usage) continue;
    if (usage.id !== undefined && usage.id === next.lastMessageId) {
      const before = next.lastMessageTokens ?? 0;
      if (usage.tokens > before) {
        next.mainTokens += usage.tokens - before;
        next.lastMessageTokens = usage.tokens;
      }
      continue;
    }
    next.mainTokens += usage.tokens;
    if (usage.id === undefined) {
      delete next.lastMessageId;
      delete next.lastMessageTokens;
    } else {
      next.lastMessageId = usage.id;
      next.lastMessageTokens = usage.tokens;
    }
  }
  return next;
}

/** The id and total tokens of an assistant line's API response; undefined for anything else. */
function responseUsage(line: string): { id?: string; tokens: number } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || parsed.type !== 'assistant' || parsed.isSidechain === true) return undefined;
  const message = parsed.message;
  if (!isObject(message) || !isObject(message.usage) || message.model === SYNTHETIC_MODEL) return undefined;
  const usage = message.usage;
  const tokens = count(usage.input_tokens) + count(usage.cache_creation_input_tokens) + count(usage.cache_read_input_tokens) + count(usage.output_tokens);
  return typeof message.id === 'string' ? { id: message.id, tokens } : { tokens };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
