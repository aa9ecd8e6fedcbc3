import type { HookHandler } from './index.js';

/**
 * PreCompact: nothing to keep before compaction (the summary arrives with PostCompact), so the
 * store is not even opened. A "save what matters before compaction" step would plug in here.
 */
const preCompact: HookHandler<'PreCompact'> = async (_event, deps) => {
  deps.debug('pre-compact: nothing to do');
  return undefined;
};

export default preCompact;
