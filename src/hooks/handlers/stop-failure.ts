import { lowerLimitAfterFailure } from '../../pool/pool-hooks.js';
import type { HookHandler } from './index.js';

/**
 * StopFailure: a turn ended with an API error (rate_limit, overloaded, …). Remembers the last
 * failure in store state `failure:last` ({error, sessionId, at}); after `rate_limit` or `overloaded`
 * the subagent pool lowers its limit for a cooling period. Output and exit code are ignored by
 * Claude Code for this event.
 */
const stopFailure: HookHandler<'StopFailure'> = async (event, deps) => {
  const store = await deps.store();
  await store.setState('failure:last', JSON.stringify({ error: event.error, sessionId: event.session_id, at: deps.now() }));
  await lowerLimitAfterFailure(event, deps);
  return undefined;
};

export default stopFailure;
