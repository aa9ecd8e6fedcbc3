import { parseFrontmatter, type ParsedFrontmatter } from '../claude/frontmatter.js';
import { classifyFile } from './file-kind.js';
import type { FileKind, LintDocument } from './types.js';

export interface DocumentInput {
  path: string;
  text: string;
  kind?: FileKind;
  unreadable?: string;
  invalidUtf8Lines?: number[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Splits text into lines the way editors number them: `\r\n` and `\n` end a line; a final newline adds none. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** Replaces inline code spans with spaces of the same length, so references inside them are not seen. */
export function blankCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => ' '.repeat(span.length));
}

/**
 * Builds the shared document for a file: frontmatter parsed once (tolerantly, as Claude Code does),
 * lines, and a single pass that marks fenced code so rules can skip it.
 */
export function createDocument(input: DocumentInput): LintDocument {
  const kind = input.kind ?? classifyFile(input.path);
  const lines = splitLines(input.text);
  const frontmatter: ParsedFrontmatter = input.unreadable
    ? { present: false, data: {}, body: '', bodyStartLine: 1, raw: '', autoQuoted: false }
    : parseFrontmatter(input.text);
  const bodyStart = frontmatter.present ? frontmatter.bodyStartLine - 1 : 0;
  const prose: string[] = new Array<string>(lines.length);
  const inFence: boolean[] = new Array<boolean>(lines.length);
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i < bodyStart) {
      prose[i] = '';
      inFence[i] = false;
      continue;
    }
    if (fence !== undefined) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && close[2].trim() === '') fence = undefined;
      prose[i] = '';
      inFence[i] = true;
      continue;
    }
    const open = line.includes('```') || line.includes('~~~') ? FENCE_OPEN.exec(line) : null;
    // A backtick fence's info string may not contain a backtick; otherwise it is inline code.
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = open[1];
      prose[i] = '';
      inFence[i] = true;
      continue;
    }
    prose[i] = blankCodeSpans(line);
    inFence[i] = false;
  }
  return {
    path: input.path,
    kind,
    text: input.text,
    lines,
    frontmatter,
    bodyStart,
    prose,
    inFence,
    ...(input.unreadable !== undefined ? { unreadable: input.unreadable } : {}),
    ...(input.invalidUtf8Lines && input.invalidUtf8Lines.length > 0 ? { invalidUtf8Lines: input.invalidUtf8Lines } : {}),
  };
}
