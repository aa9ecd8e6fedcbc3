import type { CheckResult } from '../check-result.js';
import { compareVersions } from '../compare-versions.js';
import type { DoctorFacts } from '../doctor-facts.js';

/** ctxkit's `engines.node`. */
export const MIN_NODE_VERSION = '20.19.0';

/** The Node running ctxkit is new enough. */
export function checkNodeVersion(facts: Pick<DoctorFacts, 'node'>): CheckResult {
  const { version, execPath } = facts.node;
  if (compareVersions(version, MIN_NODE_VERSION) < 0) {
    return {
      id: 'node',
      status: 'fail',
      finding: `Node ${version} (${execPath}) is older than ${MIN_NODE_VERSION}.`,
      fix: 'ctxkit needs Node 20.19 or newer; install it (for example with your version manager) and run ctxkit with it.',
    };
  }
  return { id: 'node', status: 'ok', finding: `Node ${version} (${execPath}).`, fix: `ctxkit needs Node ${MIN_NODE_VERSION} or newer.` };
}
