import type { GuardMode } from '../config/defaults.js';
import { CTXKIT_CONTEXT_MARKER } from '../claude/transcript/marker.js';
import type { GuardRecord } from '../stats/accounting-record.js';
import type { Discovery, Finder } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutToTokens } from './cut-to-tokens.js';
import { formatAge, formatTokens, shortSession } from './describe-provenance.js';
import { GUARDED_TOOLS } from './guarded-tools.js';
import { itemBody } from './select-context.js';

export { GUARDED_TOOLS, type GuardedTool } from './guarded-tools.js';

export interface GuardInput {
  toolName: string;
  toolInput: Record<string, unknown>;
  toolResponse: unknown;
  mode: GuardMode;
  /** Who ran the tool now. */
  finder: Finder;
  /** The discovery capture just recorded for this very call (never its own match). */
  capturedId?: number;
  /** Earlier discoveries with the same content hash (same bytes). */
  earlier: readonly Discovery[];
  /** A report (handoff) drawn from this content, named in the hint when there is one. */
  conclusion?: Discovery;
  now: number;
}

export type GuardDecision =
  | { action: 'none'; reason: string }
  | { action: 'hint'; additionalContext: string; sourceId: number; record: Omit<GuardRecord, 'sessionId' | 'at'> }
  | { action: 'replace'; updatedToolOutput: Record<string, unknown>; sourceId: number; record: Omit<GuardRecord, 'sessionId' | 'at'> };

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** The text the model is about to see, and how to put a replacement in its place (same shape). */
function outputText(toolName: string, response: unknown): { text: string; replace: (text: string) => Json } | undefined {
  const res = asObject(response);
  if (toolName === 'Read') {
    const file = asObject(res.file);
    if (typeof file.content !== 'string' || (res.type !== undefined && res.type !== 'text')) return undefined;
    return { text: file.content, replace: (text) => ({ ...res, file: { ...file, content: text } }) };
  }
  if (toolName === 'Grep' && typeof res.content === 'string') return { text: res.content, replace: (text) => ({ ...res, content: text }) };
  if ((toolName === 'Grep' || toolName === 'Glob') && Array.isArray(res.filenames)) {
    return { text: (res.filenames as unknown[]).map(String).join('\n'), replace: (text) => ({ ...res, filenames: text.split('\n') }) };
  }
  return undefined;
}

function sameFinder(a: Finder, b: Finder): boolean {
  return a.sessionId === b.sessionId && (a.agentId ?? '') === (b.agentId ?? '');
}

function who(discovery: Discovery): string {
  const agent = discovery.agentId || discovery.agentType ? `, ${discovery.agentType ?? 'sub'} agent` : '';
  return `session ${shortSession(discovery.sessionId)}${agent}`;
}

/** The note for `hint` mode: who had these bytes already, and what they concluded. */
function hintText(match: Discovery, input: GuardInput): string {
  const what = input.toolName === 'Read' ? 'this same file content' : 'this same result';
  let note = `${CTXKIT_CONTEXT_MARKER} ${who(match)} already had ${what} ${formatAge(input.now - match.createdAt)} (#${match.id}).`;
  if (input.conclusion) {
    const body = cutToTokens(itemBody(input.conclusion).replace(/\n+/g, ' '), 80, () => '');
    note += ` Its conclusion (handoff #${input.conclusion.id}): ${body.text.trim()}`;
  }
  return note;
}

/**
 * The rediscovery guard's decision for one finished Read/Grep/Glob call. When the bytes it returned
 * were already captured by another session or agent: `enforce` swaps the output for that capture's
 * summary (only the text field changes, so Claude Code still counts the Read and a later Edit
 * works), `hint` keeps the output and adds one note, `off` does nothing. A Read with offset/limit is
 * how the model asks for the exact text, so it always passes through; so does a same-conversation
 * re-read, which Claude Code answers itself. Replacing is skipped when it would not be shorter.
 */
export function decideGuard(input: GuardInput): GuardDecision {
  if (input.mode === 'off') return { action: 'none', reason: 'guard off' };
  if (!(GUARDED_TOOLS as readonly string[]).includes(input.toolName)) return { action: 'none', reason: 'tool not guarded' };
  if (input.toolName === 'Read' && (input.toolInput.offset !== undefined || input.toolInput.limit !== undefined)) return { action: 'none', reason: 'partial read' };
  const output = outputText(input.toolName, input.toolResponse);
  if (!output || output.text.trim().length === 0) return { action: 'none', reason: 'no text output' };
  const matches = input.earlier
    .filter((match) => match.id !== input.capturedId && !match.stale && !sameFinder(match, input.finder))
    .filter((match) => input.toolName !== 'Read' || match.range === undefined)
    .sort((a, b) => a.summaryTokens - b.summaryTokens || b.createdAt - a.createdAt);
  const match = matches[0];
  if (!match) return { action: 'none', reason: 'not seen by another session or agent' };
  const tokensBefore = estimateTokens(output.text);

  if (input.mode === 'enforce') {
    const summary = match.summary.trim();
    const subject = input.toolName === 'Read' ? 'this file' : `this ${input.toolName} result`;
    const fullText =
      input.toolName === 'Read'
        ? `Full text: Read it again with offset and limit (for example offset 1, limit 2000), which ctxkit passes through, or run \`ctxkit show ${match.id}\`.`
        : `Full text: \`ctxkit show ${match.id}\`, or narrow the search.`;
    const replacement = [
      `${CTXKIT_CONTEXT_MARKER} Same bytes as ${subject} had for ${who(match)} ${formatAge(input.now - match.createdAt)}: its stored summary stands in for the output (${formatTokens(tokensBefore)}→${formatTokens(match.summaryTokens)} tok).`,
      fullText,
      '',
      summary,
    ].join('\n');
    const tokensAfter = estimateTokens(replacement);
    if (tokensAfter < tokensBefore) {
      return { action: 'replace', updatedToolOutput: output.replace(replacement), sourceId: match.id, record: { kind: 'guard', mode: 'enforce', tokensBefore, tokensAfter, tool: input.toolName } };
    }
  }
  const note = hintText(match, input);
  return { action: 'hint', additionalContext: note, sourceId: match.id, record: { kind: 'guard', mode: 'hint', tokensBefore, tokensAfter: tokensBefore + estimateTokens(note), tool: input.toolName } };
}
