import { injectAtSessionStart } from '../../synthesis/hook-injection.js';
import { loadCompress } from '../../inflight/load-compress.js';
import { llmSettings } from '../../compress/llm-settings.js';
import { MODEL_METHODS, refinePending } from '../../synthesis/refine-pending.js';
import { REFINABLE_KINDS } from '../../synthesis/refine-summary.js';
import { startDetached } from '../start-detached.js';
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
  // Model summaries (optional `llm` mode) take seconds each: a detached `ctxkit refine --llm`, when there is work for it.
  if (llmSettings(deps.config.llm, deps.env) && (await store.listUnrefined({ kinds: REFINABLE_KINDS, limit: 1, exceptMethods: MODEL_METHODS })).length > 0) {
    startDetached(['refine', '--llm'], { cwd: deps.root, env: deps.env });
    deps.debug('started ctxkit refine --llm in the background');
  }
  const additionalContext = await injectAtSessionStart(event, deps);
  return additionalContext ? { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext } } : undefined;
};

export default sessionStart;
