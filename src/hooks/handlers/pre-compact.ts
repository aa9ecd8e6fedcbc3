import type { HookHandler } from './index.js';

/**
 * PreCompact: nothing to do, so the store is not even opened. The working set (files in play,
 * findings, decisions, open questions) is kept at PostCompact, which has the compaction summary
 * as well; the store's discoveries are the same before and after compaction.
 */
const preCompact: HookHandler<'PreCompact'> = async (_event, deps) => {
  deps.debug('pre-compact: nothing to do (the working set is kept at PostCompact)');
  return undefined;
};

export default preCompact;
