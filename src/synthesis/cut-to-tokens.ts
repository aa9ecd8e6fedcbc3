import { estimateTokens } from '../tokens/estimate-tokens.js';

/**
 * Cuts text to at most `maxTokens` at line boundaries (a single long line at a word), saying how
 * much was left out. Returns the text unchanged when it fits.
 */
export function cutToTokens(text: string, maxTokens: number, note = (omittedLines: number) => `… ${omittedLines} more lines`): { text: string; tokens: number; cut: boolean } {
  const total = estimateTokens(text);
  if (total <= maxTokens) return { text, tokens: total, cut: false };
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  const reserve = 8;
  for (const line of lines) {
    const cost = estimateTokens(line) + 1;
    if (used + cost > maxTokens - reserve) break;
    kept.push(line);
    used += cost;
  }
  if (kept.length === 0) {
    // One long first line: keep a word-aligned head of it.
    const words = lines[0].split(/(\s+)/);
    let head = '';
    for (const word of words) {
      if (estimateTokens(head + word) > maxTokens - reserve) break;
      head += word;
    }
    const result = `${head.trimEnd()} …`;
    return { text: result, tokens: estimateTokens(result), cut: true };
  }
  const result = `${kept.join('\n')}\n${note(lines.length - kept.length)}`;
  return { text: result, tokens: estimateTokens(result), cut: true };
}
