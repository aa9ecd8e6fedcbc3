import { TranscriptSummarizer } from '../claude/transcript/transcript-summarizer.js';
import { totalTokens } from '../claude/transcript/token-usage.js';
import { isRateLimitError } from './effective-limit.js';

/** What the pool reads from a finished subagent's own transcript. */
export interface AgentTranscriptScan {
  /** Tokens of the subagent's API responses in the text read (each response once). */
  tokens: number;
  /** `rate_limit` or `overloaded` when the subagent met such an API error (final or retried). */
  rateLimitKind?: string;
}

/**
 * Reads a subagent's transcript text for the pool: its token use and whether the API pushed back
 * (the subagent's API errors, final or retried, are in its own transcript). Pure.
 * @param text whole lines of the file; when `isTail` is set the first (likely partial) line is dropped
 */
export function scanAgentTranscript(text: string, options: { isTail?: boolean } = {}): AgentTranscriptScan {
  const lines = text.split('\n');
  if (options.isTail) lines.shift();
  const summarizer = new TranscriptSummarizer({ isSubagentFile: true });
  for (const line of lines) summarizer.addLine(line);
  const summary = summarizer.finish();
  const scan: AgentTranscriptScan = { tokens: totalTokens(summary.usage) };
  const pushBack = summary.apiErrors.filter((error) => isRateLimitError(error.kind)).at(-1);
  if (pushBack) scan.rateLimitKind = pushBack.kind;
  return scan;
}
