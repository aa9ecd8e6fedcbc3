import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { readUsage, resultText } from './transcript-summarizer.js';

/** Real and estimated token counts of the same text, summed over the samples found. */
export interface CalibrationSample {
  real: number;
  estimated: number;
  samples: number;
}

type Json = Record<string, unknown>;

/** Below this many estimated tokens a sample is mostly noise (message framing, a cache boundary). */
const MIN_SAMPLE_TOKENS = 50;

function parse(line: string): Json | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** The text a user line adds to the conversation: typed text and tool results. */
function addedText(line: Json): string {
  const content = (line.message as Json | undefined)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) => {
      const part = block as Json;
      if (part.type === 'text' && typeof part.text === 'string') return part.text;
      if (part.type === 'tool_result') return resultText(part.content);
      return '';
    })
    .join('\n');
}

/**
 * Measures the offline estimator against what the API actually counted, from one transcript's main
 * conversation: between two consecutive API calls the input grows by the previous answer (its
 * `output_tokens`, counted by the API) and the text added after it (tool results, typed text). So
 * `input(n+1) - input(n) - output(n)` is the real size of that added text, and ctxkit's estimate of the
 * same text is the other half of a sample. Input counts cache writes and reads too. Pure.
 */
export function measureCalibration(transcript: string): CalibrationSample {
  const result: CalibrationSample = { real: 0, estimated: 0, samples: 0 };
  let previous: { id: string; input: number; output: number } | undefined;
  let added: string[] = [];
  for (const raw of transcript.split('\n')) {
    const line = parse(raw);
    if (!line || line.isSidechain === true) continue;
    if (line.type === 'user') {
      added.push(addedText(line));
      continue;
    }
    if (line.type !== 'assistant') continue;
    const message = line.message as Json | undefined;
    const id = typeof message?.id === 'string' ? message.id : undefined;
    const usage = message?.usage;
    if (!id || typeof usage !== 'object' || usage === null) continue;
    const counts = readUsage(usage as Json);
    const input = counts.inputTokens + counts.cacheCreationInputTokens + counts.cacheReadInputTokens;
    // One API response is written as several lines (one per content block): the same id, the same usage.
    if (previous?.id === id) {
      previous.output = Math.max(previous.output, counts.outputTokens);
      continue;
    }
    if (previous) {
      const real = input - previous.input - previous.output;
      const estimated = estimateTokens(added.join('\n'));
      if (real > 0 && estimated >= MIN_SAMPLE_TOKENS) {
        result.real += real;
        result.estimated += estimated;
        result.samples++;
      }
    }
    previous = { id, input, output: counts.outputTokens };
    added = [];
  }
  return result;
}
