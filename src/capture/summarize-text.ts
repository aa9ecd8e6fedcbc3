/**
 * The default summarizer: what the store keeps of a raw tool output when no content-aware reducer
 * is plugged in. Strips terminal colour codes, collapses runs of blank lines, and keeps the head and
 * the tail with a marker saying how much was left out (errors and totals tend to sit at the end).
 */
export interface SummarizeInput {
  /** Discovery kind: file, search, command, web, agent-report, compaction, edit, mcp, tool. */
  kind: string;
  key: string;
  text: string;
  toolName?: string;
}

/** Turns a raw output into the compressed form the store keeps; swap it for a smarter reducer. */
export type Summarize = (input: SummarizeInput) => string;

export interface SummarizeLimits {
  maxLines: number;
  maxChars: number;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Strips ANSI escapes, normalises line ends, trims trailing spaces and collapses blank runs. */
export function normalizeOutput(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Head and tail of `text` within the limits, with an omission marker in between. */
export function headAndTail(text: string, limits: SummarizeLimits): string {
  let lines = text.split('\n');
  if (lines.length > limits.maxLines) {
    const head = Math.ceil(limits.maxLines * 0.6);
    const tail = limits.maxLines - head;
    const omitted = lines.length - head - tail;
    lines = [...lines.slice(0, head), `… [${omitted} lines omitted] …`, ...lines.slice(lines.length - tail)];
  }
  let result = lines.join('\n');
  if (result.length > limits.maxChars) {
    const head = Math.ceil(limits.maxChars * 0.6);
    const tail = limits.maxChars - head;
    const omitted = result.length - head - tail;
    result = `${result.slice(0, head)}\n… [${omitted} characters omitted] …\n${result.slice(result.length - tail)}`;
  }
  return result;
}

export const defaultSummaryLimits: SummarizeLimits = { maxLines: 40, maxChars: 2400 };

/** The default {@link Summarize}: normalise, then head and tail. */
export const summarizeText: Summarize = (input) => headAndTail(normalizeOutput(input.text), defaultSummaryLimits);
