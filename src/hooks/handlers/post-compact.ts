import { sameText } from '../../capture/capture-tool-use.js';
import { gitBlobHash } from '../../capture/git-blob-hash.js';
import { sanitizeText } from '../../privacy/sanitize-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { keepWorkingSet, sessionSources } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * PostCompact: keeps the compaction summary, the densest account of a session there is, with the
 * files the session read as its sources (so it goes stale with them), and completes the working set.
 */
const postCompact: HookHandler<'PostCompact'> = async (event, deps) => {
  const text = sanitizeText(event.compact_summary);
  if (text.trim().length === 0) {
    await keepWorkingSet(event, deps);
    return undefined;
  }
  const key = `compaction (${event.trigger})`;
  const summary = deps.summarize({ kind: 'compaction', key, text });
  const store = await deps.store();
  const recorded = await store.record({
    kind: 'compaction',
    key,
    sessionId: event.session_id,
    agentId: event.agent_id,
    agentType: event.agent_type,
    createdAt: deps.now(),
    contentHash: gitBlobHash(text),
    rawBytes: Buffer.byteLength(text),
    rawTokens: estimateRawTokens(text),
    summary,
    summaryTokens: estimateTokens(summary),
    original: sameText(summary, text) ? undefined : { text },
    meta: { trigger: event.trigger, sources: await sessionSources(event.session_id, deps) },
  });
  await keepWorkingSet(event, deps, recorded.id);
  return undefined;
};

export default postCompact;
