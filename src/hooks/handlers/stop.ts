import { reconcileTranscript } from '../../capture/reconcile-transcript.js';
import { calibrateFrom } from '../../synthesis/calibrate-from-transcript.js';
import type { HookHandler } from './index.js';

/**
 * Stop: the main agent finished a turn. Captures from the transcript any tool result whose
 * PostToolUse hook was killed (only the bytes added since the last look). Never blocks stopping.
 */
const stop: HookHandler<'Stop'> = async (event, deps) => {
  if (event.transcript_path) await reconcileTranscript({ sessionId: event.session_id, transcriptPath: event.transcript_path, observe: (lines) => calibrateFrom(lines, deps) }, deps);
  return undefined;
};

export default stop;
