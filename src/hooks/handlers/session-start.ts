import { injectAtSessionStart } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * SessionStart (startup, resume, clear, compact): keeps the sessions table, then injects: after
 * compaction or on resume the session's working set, on startup and /clear a short pointer to the
 * latest handoffs. The store is opened with an integrity check on this event (once per session).
 */
const sessionStart: HookHandler<'SessionStart'> = async (event, deps) => {
  const store = await deps.store();
  await store.sessionStarted({ id: event.session_id, at: deps.now(), source: event.source, cwd: event.cwd, transcriptPath: event.transcript_path });
  const additionalContext = await injectAtSessionStart(event, deps);
  return additionalContext ? { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext } } : undefined;
};

export default sessionStart;
