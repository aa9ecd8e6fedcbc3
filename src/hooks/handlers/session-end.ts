import { reconcileTranscript } from '../../capture/reconcile-transcript.js';
import { calibrateFrom } from '../../synthesis/calibrate-from-transcript.js';
import { releaseSessionLeases } from '../../pool/pool-hooks.js';
import type { HookHandler } from './index.js';

/**
 * SessionEnd: closes the session, releases its pool leases, and reconciles the transcript one last
 * time. Claude Code gives SessionEnd hooks little time (1.5 s unless the installed timeout is
 * larger), so the session row is written first.
 */
const sessionEnd: HookHandler<'SessionEnd'> = async (event, deps) => {
  const store = await deps.store();
  const at = deps.now();
  await store.sessionEnded({ id: event.session_id, reason: event.reason, at });
  await releaseSessionLeases(event, deps);
  if (event.transcript_path) await reconcileTranscript({ sessionId: event.session_id, transcriptPath: event.transcript_path, observe: (lines) => calibrateFrom(lines, deps) }, deps);
  return undefined;
};

export default sessionEnd;
