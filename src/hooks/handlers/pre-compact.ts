import { keepWorkingSet } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

/**
 * PreCompact: keeps the session's working set (files in play, findings, decisions, open questions)
 * so SessionStart with source `compact` can give it back. It has to be now: Claude Code 2.1.197 fires
 * that SessionStart before PostCompact (seen in tests/e2e/capture.test.ts). Never blocks compaction.
 */
const preCompact: HookHandler<'PreCompact'> = async (event, deps) => {
  await keepWorkingSet(event, deps);
  return undefined;
};

export default preCompact;
