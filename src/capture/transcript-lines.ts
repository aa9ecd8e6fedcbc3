/**
 * Reading Claude Code transcripts (JSONL, claude-code.md §6): the structured tool results on `user`
 * lines (`toolUseResult`, the same object hooks get as `tool_response`) paired with the `tool_use`
 * blocks of the assistant lines before them. Lines that do not parse are skipped.
 */
export interface TranscriptToolResult {
  toolUseId: string;
  toolName: string;
  toolInput: unknown;
  toolResponse: unknown;
  isError: boolean;
}

type Json = Record<string, unknown>;

function parseLine(line: string): Json | undefined {
  if (line.length === 0 || line[0] !== '{') return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function contentBlocks(line: Json): Json[] {
  const message = line.message as Json | undefined;
  const content = message?.content;
  return Array.isArray(content) ? (content.filter((block) => typeof block === 'object' && block !== null) as Json[]) : [];
}

/** Every tool result in these complete transcript lines whose tool_use is also in them. */
export function toolResultsFromTranscript(text: string): TranscriptToolResult[] {
  const calls = new Map<string, { name: string; input: unknown }>();
  const results: TranscriptToolResult[] = [];
  for (const raw of text.split('\n')) {
    const line = parseLine(raw);
    if (!line) continue;
    if (line.type === 'assistant') {
      for (const block of contentBlocks(line)) {
        if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') calls.set(block.id, { name: block.name, input: block.input });
      }
    } else if (line.type === 'user' && line.toolUseResult !== undefined) {
      for (const block of contentBlocks(line)) {
        if (block.type !== 'tool_result' || typeof block.tool_use_id !== 'string') continue;
        const call = calls.get(block.tool_use_id);
        if (!call) continue;
        results.push({ toolUseId: block.tool_use_id, toolName: call.name, toolInput: call.input, toolResponse: line.toolUseResult, isError: block.is_error === true });
      }
    }
  }
  return results;
}

/** The first prompt a (sub)agent transcript gives its model: the subagent's task. */
export function firstUserPrompt(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = parseLine(raw);
    if (!line || line.type !== 'user') continue;
    const content = (line.message as Json | undefined)?.content;
    if (typeof content === 'string' && content.trim()) return content;
    const texts = contentBlocks(line).filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text as string);
    if (texts.length > 0) return texts.join('\n');
  }
  return undefined;
}
