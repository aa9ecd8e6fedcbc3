import type { HookHandler } from './index.js';

/**
 * SessionStart (startup, resume, clear, compact): keeps the sessions table. Injection of what
 * earlier sessions found plugs in here: return `{hookSpecificOutput: {additionalContext}}`.
 * The store is opened with an integrity check on this event (once per session, not per tool call).
 */
const sessionStart: HookHandler<'SessionStart'> = async (event, deps) => {
  const store = await deps.store();
  await store.sessionStarted({ id: event.session_id, at: deps.now(), source: event.source, cwd: event.cwd, transcriptPath: event.transcript_path });
  return undefined;
};

export default sessionStart;
