/**
 * Turns one tool call (name, input, response) into what capture should do with it. Pure: the shell
 * (capture-tool-use.ts) adds hashes from disk, privacy, the summary and the store write.
 * `tool_response` is the structured object PostToolUse receives; PostToolBatch and transcripts may
 * give a string instead, and unknown shapes fall back to their JSON text, so nothing throws here.
 */
export type DiscoveryKind = 'file' | 'search' | 'command' | 'web' | 'agent-report' | 'compaction' | 'edit' | 'mcp' | 'tool';

export type CapturePlan =
  | {
      type: 'discovery';
      kind: DiscoveryKind;
      key: string;
      text: string;
      /** Bash stderr, kept apart so `ctxkit show` prints stdout then stderr. */
      stderr?: string;
      /** Absolute path of a file discovery, to hash the bytes on disk. */
      path?: string;
      /** 1-based inclusive line range of a partial Read. */
      range?: { start: number; end: number };
      meta: Record<string, unknown>;
    }
  | { type: 'edit'; path: string; text: string; meta: Record<string, unknown> }
  | {
      type: 'agent';
      /** The task the subagent was given. */
      prompt: string;
      description: string;
      subagentType?: string;
      report: string;
      agentId?: string;
      meta: Record<string, unknown>;
    }
  | { type: 'skip'; reason: string };

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** JSON text of an unknown value, never throwing (cycles and BigInts cannot come from JSON input). */
export function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 1) ?? '';
}

/** Text blocks (`[{type:"text", text}]`, MCP `{content:[…]}`) joined; other shapes as JSON. */
export function blocksText(value: unknown): string {
  if (typeof value === 'string') return value;
  const blocks = Array.isArray(value) ? value : Array.isArray(asObject(value).content) ? (asObject(value).content as unknown[]) : undefined;
  if (!blocks) return jsonText(value);
  return blocks
    .map((block) => (typeof block === 'string' ? block : str(asObject(block).text) ?? jsonText(block)))
    .join('\n');
}

function withPath(pattern: string, path: string | undefined): string {
  return path ? `${pattern} in ${path}` : pattern;
}

function planRead(input: Json, response: unknown): CapturePlan {
  const res = asObject(response);
  const file = asObject(res.file);
  const path = str(input.file_path) ?? str(file.filePath);
  if (!path) return { type: 'skip', reason: 'Read without a file path' };
  const kindOfContent = str(res.type) ?? (typeof response === 'string' ? 'text' : 'unknown');
  let text: string;
  if (typeof response === 'string') text = response;
  else if (typeof file.content === 'string') text = file.content;
  else if (kindOfContent === 'image' || kindOfContent === 'pdf') text = `[${kindOfContent} ${path}]`;
  else if (Array.isArray(file.cells)) text = file.cells.map((cell) => blocksText(asObject(cell).source ?? cell)).join('\n\n');
  else text = jsonText(response);
  const startLine = num(file.startLine) ?? (num(input.offset) ?? 1);
  const numLines = num(file.numLines);
  const totalLines = num(file.totalLines);
  const partial = input.offset !== undefined || input.limit !== undefined || (numLines !== undefined && totalLines !== undefined && numLines < totalLines && startLine > 1);
  const range = partial ? { start: startLine, end: startLine + Math.max(0, (numLines ?? text.split('\n').length) - 1) } : undefined;
  return { type: 'discovery', kind: 'file', key: path, path, text, range, meta: { contentType: kindOfContent, numLines, totalLines } };
}

function planGrep(input: Json, response: unknown): CapturePlan {
  const pattern = str(input.pattern) ?? '';
  const res = asObject(response);
  const filenames = Array.isArray(res.filenames) ? (res.filenames as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  const text = typeof response === 'string' ? response : str(res.content) ?? (filenames.length > 0 || 'filenames' in res ? filenames.join('\n') : jsonText(response));
  return {
    type: 'discovery',
    kind: 'search',
    key: withPath(pattern, str(input.path)),
    text,
    meta: {
      tool: 'Grep',
      path: str(input.path),
      glob: str(input.glob),
      mode: str(res.mode) ?? str(input.output_mode),
      numFiles: num(res.numFiles),
      numLines: num(res.numLines),
      numMatches: num(res.numMatches),
      filenames: filenames.slice(0, 200),
    },
  };
}

function planGlob(input: Json, response: unknown): CapturePlan {
  const pattern = str(input.pattern) ?? '';
  const res = asObject(response);
  const filenames = Array.isArray(res.filenames) ? (res.filenames as unknown[]).filter((f): f is string => typeof f === 'string') : undefined;
  const text = typeof response === 'string' ? response : filenames ? filenames.join('\n') : jsonText(response);
  return {
    type: 'discovery',
    kind: 'search',
    key: withPath(pattern, str(input.path)),
    text,
    meta: { tool: 'Glob', path: str(input.path), numFiles: num(res.numFiles), truncated: res.truncated === true },
  };
}

function planBash(input: Json, response: unknown): CapturePlan {
  const command = str(input.command) ?? '';
  if (typeof response === 'string') return { type: 'discovery', kind: 'command', key: command, text: response, meta: {} };
  const res = asObject(response);
  if (!('stdout' in res) && !('stderr' in res)) return { type: 'discovery', kind: 'command', key: command, text: jsonText(response), meta: {} };
  const interrupted = res.interrupted === true;
  return {
    type: 'discovery',
    kind: 'command',
    key: command,
    text: str(res.stdout) ?? '',
    stderr: str(res.stderr) || undefined,
    meta: {
      // PostToolUse fires for commands that succeeded; a failing command arrives as PostToolUseFailure.
      exitCode: interrupted ? null : num(res.exitCode) ?? num(res.code) ?? 0,
      interrupted,
      description: str(input.description),
      returnCodeInterpretation: str(res.returnCodeInterpretation),
      backgroundTaskId: str(res.backgroundTaskId),
    },
  };
}

function planWebFetch(input: Json, response: unknown): CapturePlan {
  const res = asObject(response);
  const url = str(input.url) ?? str(res.url) ?? '';
  const text = typeof response === 'string' ? response : str(res.result) ?? jsonText(response);
  return { type: 'discovery', kind: 'web', key: url, text, meta: { tool: 'WebFetch', code: num(res.code), bytes: num(res.bytes), prompt: str(input.prompt) } };
}

function planWebSearch(input: Json, response: unknown): CapturePlan {
  const res = asObject(response);
  const query = str(input.query) ?? str(res.query) ?? '';
  let text: string;
  if (typeof response === 'string') text = response;
  else if (Array.isArray(res.results)) {
    text = (res.results as unknown[])
      .map((result) => {
        if (typeof result === 'string') return result;
        const content = asObject(result).content;
        if (Array.isArray(content)) return content.map((hit) => `${str(asObject(hit).title) ?? ''} ${str(asObject(hit).url) ?? ''}`.trim()).join('\n');
        return jsonText(result);
      })
      .join('\n');
  } else text = jsonText(response);
  return { type: 'discovery', kind: 'web', key: query, text, meta: { tool: 'WebSearch' } };
}

function planAgent(input: Json, response: unknown): CapturePlan {
  const res = asObject(response);
  const prompt = str(input.prompt) ?? str(res.prompt) ?? '';
  const report = typeof response === 'string' ? response : 'content' in res ? blocksText(res.content) : jsonText(response);
  return {
    type: 'agent',
    prompt,
    description: str(input.description) ?? prompt.split('\n')[0].slice(0, 120),
    subagentType: str(input.subagent_type),
    report,
    agentId: str(res.agentId),
    meta: { status: str(res.status), totalTokens: num(res.totalTokens), totalDurationMs: num(res.totalDurationMs), totalToolUseCount: num(res.totalToolUseCount) },
  };
}

function planEdit(toolName: string, input: Json, response: unknown): CapturePlan {
  const res = asObject(response);
  const path = str(input.file_path) ?? str(input.notebook_path) ?? str(res.filePath);
  if (!path) return { type: 'skip', reason: `${toolName} without a file path` };
  let text: string;
  if (Array.isArray(res.structuredPatch) && res.structuredPatch.length > 0) {
    text = (res.structuredPatch as unknown[]).flatMap((hunk) => (Array.isArray(asObject(hunk).lines) ? (asObject(hunk).lines as unknown[]).map(String) : [])).join('\n');
  } else if (toolName === 'Write') text = str(input.content) ?? '';
  else if (toolName === 'MultiEdit' && Array.isArray(input.edits)) {
    text = (input.edits as unknown[]).map((edit) => `- ${str(asObject(edit).old_string) ?? ''}\n+ ${str(asObject(edit).new_string) ?? ''}`).join('\n');
  } else if (toolName === 'NotebookEdit') text = str(input.new_source) ?? '';
  else text = `- ${str(input.old_string) ?? ''}\n+ ${str(input.new_string) ?? ''}`;
  return { type: 'edit', path, text, meta: { tool: toolName, writeType: str(res.type) } };
}

function compactInput(input: Json): string {
  const text = JSON.stringify(input) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** What capture does with one tool call. */
export function planCapture(toolName: string, toolInput: unknown, toolResponse: unknown): CapturePlan {
  const input = asObject(toolInput);
  switch (toolName) {
    case 'Read':
      return planRead(input, toolResponse);
    case 'Grep':
      return planGrep(input, toolResponse);
    case 'Glob':
      return planGlob(input, toolResponse);
    case 'Bash':
      return planBash(input, toolResponse);
    case 'WebFetch':
      return planWebFetch(input, toolResponse);
    case 'WebSearch':
      return planWebSearch(input, toolResponse);
    case 'Agent':
    case 'Task':
      return planAgent(input, toolResponse);
    case 'Edit':
    case 'Write':
    case 'MultiEdit':
    case 'NotebookEdit':
      return planEdit(toolName, input, toolResponse);
    default:
      if (toolName.startsWith('mcp__')) {
        return { type: 'discovery', kind: 'mcp', key: `${toolName} ${compactInput(input)}`, text: blocksText(toolResponse), meta: { tool: toolName } };
      }
      return { type: 'discovery', kind: 'tool', key: `${toolName} ${compactInput(input)}`, text: jsonText(toolResponse), meta: { tool: toolName } };
  }
}
