import { captureToolUse, type CaptureDeps } from './capture-tool-use.js';
import { toolResultsFromTranscript } from './transcript-lines.js';

/** At most this much new transcript is read per reconcile, so Stop and SessionEnd stay quick. */
const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

export interface ReconcileDeps extends CaptureDeps {
  readFileRange: (path: string, offset: number, maxBytes: number) => { bytes: Buffer; size: number } | undefined;
}

/** Store state key of the transcript byte offset read so far for a session. */
export function transcriptOffsetKey(sessionId: string): string {
  return `session:${sessionId}:transcript-offset`;
}

/**
 * Captures tool results that are in the transcript but not in the store (a PostToolUse hook that
 * was killed, or an async one abandoned at exit). Reads only the bytes added since the last call,
 * up to the last complete line, and remembers where it stopped. Returns how many were captured.
 */
export async function reconcileTranscript(
  input: { sessionId: string; transcriptPath: string; /** Also given the new complete lines (to calibrate the token estimator). */ observe?: (lines: string) => Promise<void> },
  deps: ReconcileDeps,
): Promise<number> {
  const store = await deps.store();
  const key = transcriptOffsetKey(input.sessionId);
  let offset = Number((await store.getState(key)) ?? 0) || 0;
  let slice = deps.readFileRange(input.transcriptPath, offset, MAX_CHUNK_BYTES);
  if (!slice) return 0;
  if (slice.size < offset) {
    // The transcript was replaced or truncated: start over (dedupe by tool_use_id keeps this safe).
    offset = 0;
    slice = deps.readFileRange(input.transcriptPath, 0, MAX_CHUNK_BYTES);
    if (!slice) return 0;
  }
  const end = slice.bytes.lastIndexOf(0x0a);
  if (end < 0) return 0;
  const lines = slice.bytes.subarray(0, end + 1).toString('utf8');
  const results = toolResultsFromTranscript(lines).filter((result) => !result.isError);
  const recorded = await store.recordedToolUses(results.map((result) => result.toolUseId));
  let captured = 0;
  for (const result of results) {
    if (recorded.has(result.toolUseId)) continue;
    const outcome = await captureToolUse({ toolName: result.toolName, toolInput: result.toolInput, toolResponse: result.toolResponse, toolUseId: result.toolUseId, sessionId: input.sessionId }, deps);
    if (outcome.status === 'recorded' && outcome.created) captured++;
  }
  await input.observe?.(lines);
  await store.setState(key, String(offset + end + 1));
  return captured;
}
