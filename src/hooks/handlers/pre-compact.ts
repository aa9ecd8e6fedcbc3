import { keepWorkingSet } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * PreCompact: keeps the session's working set (files in play, findings, decisions, open questions)
 * so SessionStart with source `compact` can give it back. Never blocks compaction.
 */
const preCompact: HookHandler<'PreCompact'> = async (event, deps) => {
  await keepWorkingSet(event, deps);
  return undefined;
};

export default preCompact;
