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
  const lines = text.split('\n');
  if (lines.length <= limits.maxLines) return capChars(lines.join('\n'), limits);
  const { head, tail } = lineShares(limits);
  return joinEnds(lines.slice(0, head), lines.length - head - tail, lines.slice(lines.length - tail), limits);
}

function lineShares(limits: SummarizeLimits): { head: number; tail: number } {
  const head = Math.ceil(limits.maxLines * 0.6);
  return { head, tail: limits.maxLines - head };
}

function joinEnds(head: readonly string[], omitted: number, tail: readonly string[], limits: SummarizeLimits): string {
  return capChars([...head, `… [${omitted} lines omitted] …`, ...tail].join('\n'), limits);
}

function capChars(result: string, limits: SummarizeLimits): string {
  if (result.length <= limits.maxChars) return result;
  const head = Math.ceil(limits.maxChars * 0.6);
  const tail = limits.maxChars - head;
  const omitted = result.length - head - tail;
  return `${result.slice(0, head)}\n… [${omitted} characters omitted] …\n${result.slice(result.length - tail)}`;
}

export const defaultSummaryLimits: SummarizeLimits = { maxLines: 40, maxChars: 2400 };

/** Above this size only the two ends of an output are normalised: the summary shows nothing else of it. */
const WHOLE_CHARS = 128 * 1024;
const END_CHARS = 16 * 1024;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Head and tail of a normalised output. A huge one (a megabyte of test log) is normalised only in its
 * first and last 16 KB, which hold every line the summary keeps (40 lines); the lines in between are counted as
 * they are, so the omission count can differ from the whole normalisation by the blank runs it collapses.
 */
export function summarizeEnds(text: string, limits: SummarizeLimits = defaultSummaryLimits): string {
  if (text.length <= WHOLE_CHARS) return headAndTail(normalizeOutput(text), limits);
  const first = text.slice(0, END_CHARS);
  const last = text.slice(text.length - END_CHARS);
  const headLines = normalizeOutput(first).split('\n');
  const tailLines = normalizeOutput(last).split('\n');
  // A window's cut line is not whole: drop it, unless the window is one line (then its characters are what there is).
  if (first.includes('\n')) headLines.pop();
  if (last.includes('\n')) tailLines.shift();
  const { head, tail } = lineShares(limits);
  const middle = countLineBreaks(text, END_CHARS, text.length - END_CHARS) + 1;
  const omitted = Math.max(0, headLines.length - head) + middle + Math.max(0, tailLines.length - tail);
  return joinEnds(headLines.slice(0, head), omitted, tailLines.slice(-tail), limits);
}

/** The default {@link Summarize}: normalise, then head and tail. */
export const summarizeText: Summarize = (input) => summarizeEnds(input.text, defaultSummaryLimits);
