import { injectAtSessionStart } from '../../synthesis/hook-injection.js';
import { loadCompress } from '../../inflight/load-compress.js';
import { refinePending } from '../../synthesis/refine-pending.js';
import type { HookHandler } from './index.js';

/** Summaries refined per session start, and the time that may take (the entry's timeout is 10 s). */
const REFINE_LIMIT = 40;
const REFINE_MS = 1500;

/**
 * SessionStart (startup, resume, clear, compact): keeps the sessions table, refines the summaries
 * earlier hooks cut in a hurry (content reducers, tree-sitter included: too slow for a tool call, fine
 * once per session, and done before this session is given anything), then injects: after compaction
 * or on resume the session's working set, on startup and /clear a short pointer to the latest
 * handoffs. The store is opened with an integrity check on this event (once per session).
 */
const sessionStart: HookHandler<'SessionStart'> = async (event, deps) => {
  const store = await deps.store();
  await store.sessionStarted({ id: event.session_id, at: deps.now(), source: event.source, cwd: event.cwd, transcriptPath: event.transcript_path });
  const refined = await refinePending(store, {
    loadCompress: async () => (await loadCompress()).compress,
    limit: REFINE_LIMIT,
    deadline: deps.now() + REFINE_MS,
    now: deps.now,
  });
  if (refined.refined + refined.kept > 0) deps.debug(`refined ${refined.refined} summaries, kept ${refined.kept}${refined.pending ? ', more pending' : ''}`);
  const additionalContext = await injectAtSessionStart(event, deps);
  return additionalContext ? { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext } } : undefined;
};

export default sessionStart;
