/**
 * Claude Code's tool responses as in-flight compression sees them: the text the model would read,
 * and how to build a replacement that keeps every field of the response and changes only its text
 * fields (stdout/stderr, content, filenames, result, MCP text blocks, Read's file.content). Pure.
 */
export interface ToolOutput {
  text: string;
  /** Which hookSpecificOutput key carries the replacement. */
  outputKey: 'updatedToolOutput' | 'updatedMCPToolOutput';
  /** The response with its text replaced by `text`; every other field as received. */
  replace: (text: string) => unknown;
  /** Bash outputs over Claude Code's inline limit: the file holding the whole output. */
  persistedPath?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function textBlocks(blocks: unknown[]): { text: string; replace: (text: string) => unknown[] } | undefined {
  const texts = blocks.filter((block) => isObject(block) && block.type === 'text' && typeof block.text === 'string') as Array<{ text: string }>;
  if (texts.length === 0) return undefined;
  const first = blocks.findIndex((block) => texts.includes(block as { text: string }));
  return {
    text: texts.map((block) => block.text).join('\n'),
    // All text blocks become one at the place of the first; images and other blocks stay as they were.
    replace: (text) => blocks.flatMap((block, index) => (index === first ? [{ ...(block as Json), text }] : texts.includes(block as { text: string }) ? [] : [block])),
  };
}

/** The text of a tool response and its replacer, or undefined for a shape ctxkit does not know. */
export function readToolOutput(toolName: string, toolInput: unknown, response: unknown): ToolOutput | undefined {
  const input = isObject(toolInput) ? toolInput : {};
  if (toolName.startsWith('mcp__')) {
    if (typeof response === 'string') return { text: response, outputKey: 'updatedMCPToolOutput', replace: (text) => text };
    const blocks = Array.isArray(response) ? response : isObject(response) && Array.isArray(response.content) ? response.content : undefined;
    const found = blocks && textBlocks(blocks);
    if (!found) return undefined;
    return {
      text: found.text,
      outputKey: 'updatedMCPToolOutput',
      replace: (text) => (Array.isArray(response) ? found.replace(text) : { ...(response as Json), content: found.replace(text) }),
    };
  }
  if (!isObject(response)) return undefined;
  switch (toolName) {
    case 'Bash': {
      if (typeof response.stdout !== 'string' || (response.stderr !== undefined && typeof response.stderr !== 'string')) return undefined;
      if (response.isImage === true || typeof response.backgroundTaskId === 'string') return undefined;
      const stderr = (response.stderr as string | undefined) ?? '';
      const text = stderr === '' ? response.stdout : `${response.stdout.replace(/\n$/, '')}\n${stderr}`;
      const persistedPath = typeof response.persistedOutputPath === 'string' ? response.persistedOutputPath : undefined;
      return { text, outputKey: 'updatedToolOutput', replace: (next) => ({ ...response, stdout: next, ...(stderr === '' ? {} : { stderr: '' }) }), persistedPath };
    }
    case 'Grep':
      if (typeof response.content === 'string' && response.content !== '') {
        return { text: response.content, outputKey: 'updatedToolOutput', replace: (text) => ({ ...response, content: text }) };
      }
      if (isStringArray(response.filenames) && response.filenames.length > 0) {
        return { text: response.filenames.join('\n'), outputKey: 'updatedToolOutput', replace: (text) => ({ ...response, filenames: text.split('\n') }) };
      }
      return undefined;
    case 'Glob':
      if (!isStringArray(response.filenames) || response.filenames.length === 0) return undefined;
      return { text: response.filenames.join('\n'), outputKey: 'updatedToolOutput', replace: (text) => ({ ...response, filenames: text.split('\n') }) };
    case 'WebFetch':
      if (typeof response.result !== 'string') return undefined;
      return { text: response.result, outputKey: 'updatedToolOutput', replace: (text) => ({ ...response, result: text }) };
    case 'Read': {
      const file = response.file;
      if (response.type !== 'text' || !isObject(file) || typeof file.content !== 'string') return undefined;
      if (input.offset !== undefined || input.limit !== undefined) return undefined;
      return { text: file.content, outputKey: 'updatedToolOutput', replace: (text) => ({ ...response, file: { ...file, content: text } }) };
    }
    default:
      return undefined;
  }
}

/**
 * Characters of a response's text, without building it: the cheap first test that lets small
 * outputs leave before any reducer or the store is loaded. Over-counts rather than under-counts.
 */
export function outputChars(toolName: string, response: unknown): number {
  if (typeof response === 'string') return response.length;
  if (Array.isArray(response)) return response.reduce((sum: number, block) => sum + (isObject(block) && typeof block.text === 'string' ? block.text.length : 0), 0);
  if (!isObject(response)) return 0;
  if (toolName.startsWith('mcp__')) return Array.isArray(response.content) ? outputChars(toolName, response.content) : 0;
  const length = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  if (typeof response.persistedOutputSize === 'number') return Math.max(response.persistedOutputSize, length(response.stdout));
  const names = Array.isArray(response.filenames) ? response.filenames.reduce((sum: number, name) => sum + length(name) + 1, 0) : 0;
  const file = isObject(response.file) ? length(response.file.content) : 0;
  return length(response.stdout) + length(response.stderr) + length(response.content) + length(response.result) + names + file;
}

/** The per-tool switch of `inflight.tools` for a tool name (`mcp` for every `mcp__*` tool). */
export function isToolEnabled(toolName: string, tools: { Bash: boolean; Grep: boolean; Glob: boolean; WebFetch: boolean; mcp: boolean; Read: boolean }): boolean {
  if (toolName.startsWith('mcp__')) return tools.mcp;
  return (tools as Record<string, boolean | undefined>)[toolName] === true;
}
