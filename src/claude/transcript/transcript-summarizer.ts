import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { classifyApiError } from './classify-api-error.js';
import { isCtxkitContext } from './marker.js';
import { addUsage, emptyUsage, type TokenUsage } from './token-usage.js';
import type { ApiError, InjectedContext, SlashCommand, ToolCall, ToolResult, TranscriptSummary } from './transcript-summary.js';

/**
 * Line types Claude Code has written (2.0 and 2.1). Anything else is counted and skipped, so a newer
 * Claude Code never breaks `stats`.
 */
const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'user',
  'assistant',
  'attachment',
  'system',
  'summary',
  'queue-operation',
  'last-prompt',
  'file-history-snapshot',
  'custom-title',
  'ai-title',
  'content-replacement',
  'attribution-snapshot',
  'progress',
  'pr-link',
]);

/** Claude Code's model name for messages it writes itself (errors, interruptions); they carry no usage. */
const SYNTHETIC_MODEL = '<synthetic>';

const COMMAND_NAME = /<command-name>\s*\/?([^<\s]+)\s*<\/command-name>/;
const COMMAND_ARGS = /<command-args>([\s\S]*?)<\/command-args>/;

export interface SummarizerOptions {
  /** The file is a subagent's own file: its sidechain lines are its main content. */
  isSubagentFile?: boolean;
  /** Keep each tool result's structured `toolUseResult` (memory grows with the session). */
  keepToolResults?: boolean;
}

type Json = Record<string, unknown>;

interface ApiCall {
  model?: string;
  usage: TokenUsage;
  /** Set when the call belongs to a subagent whose lines sit in the session's own file. */
  sidechain?: string;
}

/**
 * Folds the lines of one transcript file into a {@link TranscriptSummary}, one line at a time, so a
 * file of any size is read in one pass with memory bounded by what is kept. Pure: text in, data out.
 */
export class TranscriptSummarizer {
  private readonly options: SummarizerOptions;
  private readonly calls = new Map<string, ApiCall>();
  private readonly toolNames = new Map<string, string>();
  private readonly seenToolUse = new Set<string>();
  private readonly summary: TranscriptSummary = {
    models: [],
    usage: emptyUsage(),
    apiCalls: 0,
    usageByModel: {},
    toolCalls: [],
    toolResults: [],
    ctxkitContext: [],
    otherHookContextTokens: 0,
    apiErrors: [],
    commands: [],
    inlineSidechains: {},
    lines: { total: 0, read: 0, unparsable: 0, unknownType: 0, byType: {} },
  };
  private firstMs = Infinity;
  private lastMs = -Infinity;

  constructor(options: SummarizerOptions = {}) {
    this.options = options;
  }

  /** Adds one line of the file (without its line break). Blank lines are ignored. */
  addLine(text: string): void {
    if (text.trim() === '') return;
    const counts = this.summary.lines;
    counts.total++;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      counts.unparsable++;
      return;
    }
    if (!isObject(line)) {
      counts.unparsable++;
      return;
    }
    const type = typeof line.type === 'string' ? line.type : undefined;
    if (type === undefined || !KNOWN_TYPES.has(type)) {
      counts.unknownType++;
      return;
    }
    counts.read++;
    counts.byType[type] = (counts.byType[type] ?? 0) + 1;
    this.readEnvelope(line);
    const at = typeof line.timestamp === 'string' ? line.timestamp : undefined;
    if (type === 'assistant') this.readAssistant(line, at);
    else if (type === 'user') this.readUser(line, at);
    else if (type === 'attachment') this.readAttachment(line, at);
    else if (type === 'system') this.readSystem(line, at);
  }

  /** Returns the summary of every line added so far. */
  finish(): TranscriptSummary {
    const s = this.summary;
    const summary: TranscriptSummary = {
      ...s,
      models: [...s.models],
      usage: emptyUsage(),
      apiCalls: 0,
      usageByModel: {},
      toolCalls: [...s.toolCalls],
      toolResults: [...s.toolResults],
      ctxkitContext: [...s.ctxkitContext],
      apiErrors: [...s.apiErrors],
      commands: [...s.commands],
      inlineSidechains: {},
      lines: { ...s.lines, byType: { ...s.lines.byType } },
    };
    for (const call of this.calls.values()) {
      if (call.sidechain !== undefined) {
        const group = (summary.inlineSidechains[call.sidechain] ??= { usage: emptyUsage(), apiCalls: 0, models: [] });
        group.usage = addUsage(group.usage, call.usage);
        group.apiCalls++;
        if (call.model && !group.models.includes(call.model)) group.models.push(call.model);
        continue;
      }
      summary.usage = addUsage(summary.usage, call.usage);
      summary.apiCalls++;
      const model = call.model ?? 'unknown';
      const byModel = summary.usageByModel[model] ?? { ...emptyUsage(), apiCalls: 0 };
      summary.usageByModel[model] = { ...addUsage(byModel, call.usage), apiCalls: byModel.apiCalls + 1 };
    }
    if (Number.isFinite(this.firstMs)) summary.firstAt = new Date(this.firstMs).toISOString();
    if (Number.isFinite(this.lastMs)) summary.lastAt = new Date(this.lastMs).toISOString();
    return summary;
  }

  private readEnvelope(line: Json): void {
    const s = this.summary;
    if (s.sessionId === undefined && typeof line.sessionId === 'string') s.sessionId = line.sessionId;
    if (this.options.isSubagentFile && s.agentId === undefined && typeof line.agentId === 'string') s.agentId = line.agentId;
    if (s.cwd === undefined && typeof line.cwd === 'string') s.cwd = line.cwd;
    // A resumed session can be continued by a newer Claude Code; the last version and branch seen win.
    if (typeof line.version === 'string') s.version = line.version;
    if (typeof line.gitBranch === 'string' && line.gitBranch !== '') s.gitBranch = line.gitBranch;
    if (typeof line.timestamp === 'string') {
      const ms = Date.parse(line.timestamp);
      if (!Number.isNaN(ms)) {
        this.firstMs = Math.min(this.firstMs, ms);
        this.lastMs = Math.max(this.lastMs, ms);
      }
    }
  }

  private readAssistant(line: Json, at: string | undefined): void {
    const message = isObject(line.message) ? line.message : undefined;
    if (!message) return;
    const model = typeof message.model === 'string' ? message.model : undefined;
    const blocks = Array.isArray(message.content) ? message.content.filter(isObject) : [];
    const text = blocks.map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : '')).join('\n');
    const isSynthetic = model === SYNTHETIC_MODEL;
    if (line.isApiErrorMessage === true || (isSynthetic && text.startsWith('API Error'))) {
      const status = /\b(4\d\d|5\d\d)\b/.exec(text);
      const error: ApiError = { kind: classifyApiError(line.error, status ? Number(status[1]) : undefined, text), isRetry: false, text: text.slice(0, 500) };
      if (at) error.at = at;
      this.summary.apiErrors.push(error);
    }
    const sidechain = this.sidechainOf(line);
    if (sidechain !== undefined) {
      this.recordUsage(line, message, model, sidechain);
      return;
    }
    if (model && !isSynthetic && !this.summary.models.includes(model)) this.summary.models.push(model);
    if (!isSynthetic) this.recordUsage(line, message, model, undefined);
    for (const block of blocks) {
      if (block.type !== 'tool_use' || typeof block.id !== 'string' || typeof block.name !== 'string') continue;
      // One API response is written as several lines, one per content block; a block appears once.
      if (this.seenToolUse.has(block.id)) continue;
      this.seenToolUse.add(block.id);
      this.toolNames.set(block.id, block.name);
      const call: ToolCall = { id: block.id, name: block.name, input: block.input };
      if (at) call.at = at;
      this.summary.toolCalls.push(call);
    }
  }

  /** Counts one API response once per `message.id`, keeping the largest figures its lines report. */
  private recordUsage(line: Json, message: Json, model: string | undefined, sidechain: string | undefined): void {
    if (!isObject(message.usage)) return;
    const usage = readUsage(message.usage);
    const key = typeof message.id === 'string' ? message.id : typeof line.requestId === 'string' ? line.requestId : typeof line.uuid === 'string' ? line.uuid : undefined;
    if (key === undefined) {
      this.calls.set(`#${this.calls.size}`, { model, usage, sidechain });
      return;
    }
    const known = this.calls.get(key);
    if (!known) {
      this.calls.set(key, { model, usage, sidechain });
      return;
    }
    known.usage = {
      inputTokens: Math.max(known.usage.inputTokens, usage.inputTokens),
      cacheCreationInputTokens: Math.max(known.usage.cacheCreationInputTokens, usage.cacheCreationInputTokens),
      cacheReadInputTokens: Math.max(known.usage.cacheReadInputTokens, usage.cacheReadInputTokens),
      outputTokens: Math.max(known.usage.outputTokens, usage.outputTokens),
    };
  }

  private readUser(line: Json, at: string | undefined): void {
    if (this.sidechainOf(line) !== undefined) return;
    const message = isObject(line.message) ? line.message : undefined;
    if (!message) return;
    const content = message.content;
    if (typeof content === 'string') {
      this.readCommand(content, at);
      return;
    }
    if (!Array.isArray(content)) return;
    for (const block of content.filter(isObject)) {
      if (block.type === 'text' && typeof block.text === 'string') this.readCommand(block.text, at);
      if (block.type !== 'tool_result' || typeof block.tool_use_id !== 'string') continue;
      const result: ToolResult = {
        toolUseId: block.tool_use_id,
        isError: block.is_error === true,
        tokens: estimateTokens(resultText(block.content)),
      };
      const toolName = this.toolNames.get(block.tool_use_id);
      if (toolName) result.toolName = toolName;
      const structured = isObject(line.toolUseResult) ? line.toolUseResult : undefined;
      if (typeof structured?.agentId === 'string') result.agentId = structured.agentId;
      if (typeof structured?.agentType === 'string') result.agentType = structured.agentType;
      if (this.options.keepToolResults && line.toolUseResult !== undefined) result.result = line.toolUseResult;
      if (at) result.at = at;
      this.summary.toolResults.push(result);
    }
  }

  private readCommand(text: string, at: string | undefined): void {
    const name = COMMAND_NAME.exec(text);
    if (!name) return;
    const command: SlashCommand = { name: `/${name[1]}` };
    const args = COMMAND_ARGS.exec(text)?.[1]?.trim();
    if (args) command.args = args;
    if (at) command.at = at;
    this.summary.commands.push(command);
  }

  private readAttachment(line: Json, at: string | undefined): void {
    if (this.sidechainOf(line) !== undefined) return;
    const attachment = isObject(line.attachment) ? line.attachment : undefined;
    if (!attachment || attachment.type !== 'hook_additional_context') return;
    const parts = Array.isArray(attachment.content) ? attachment.content : [attachment.content];
    for (const part of parts) {
      if (typeof part !== 'string' || part === '') continue;
      const tokens = estimateTokens(part);
      if (!isCtxkitContext(part)) {
        this.summary.otherHookContextTokens += tokens;
        continue;
      }
      const context: InjectedContext = { tokens, chars: part.length };
      if (typeof attachment.hookEvent === 'string') context.hookEvent = attachment.hookEvent;
      if (typeof attachment.hookName === 'string') context.hookName = attachment.hookName;
      if (at) context.at = at;
      this.summary.ctxkitContext.push(context);
    }
  }

  private readSystem(line: Json, at: string | undefined): void {
    if (line.subtype !== 'api_error') return;
    const error = isObject(line.error) ? line.error : undefined;
    const status = typeof error?.status === 'number' ? error.status : undefined;
    const text = error ? JSON.stringify(error) : String(line.error ?? line.content ?? '');
    const record: ApiError = { kind: classifyApiError(undefined, status, text), isRetry: true, text: text.slice(0, 500) };
    if (at) record.at = at;
    this.summary.apiErrors.push(record);
  }

  /** For a session's own file, the subagent a sidechain line belongs to; undefined for the session's lines. */
  private sidechainOf(line: Json): string | undefined {
    if (this.options.isSubagentFile || line.isSidechain !== true) return undefined;
    return typeof line.agentId === 'string' ? line.agentId : 'sidechain';
  }
}

/**
 * Summarizes the lines of one transcript file.
 * @param lines the file's lines, in order (an array or any iterable)
 */
export function summarizeTranscript(lines: Iterable<string>, options: SummarizerOptions = {}): TranscriptSummary {
  const summarizer = new TranscriptSummarizer(options);
  for (const line of lines) summarizer.addLine(line);
  return summarizer.finish();
}

/** A `message.usage` object as token counts (missing or bad fields count 0). */
export function readUsage(usage: Json): TokenUsage {
  return {
    inputTokens: count(usage.input_tokens),
    cacheCreationInputTokens: count(usage.cache_creation_input_tokens),
    cacheReadInputTokens: count(usage.cache_read_input_tokens),
    outputTokens: count(usage.output_tokens),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** The text of a message's or tool result's content: a string, or the text parts of a block list. */
export function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isObject)
    .map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('\n');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
