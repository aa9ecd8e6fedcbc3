import type { CheckResult } from '../check-result.js';
import { compareVersions } from '../compare-versions.js';
import type { DoctorFacts } from '../doctor-facts.js';
import { MIN_NODE_VERSION } from './node-version.js';

const ID = 'hook-node';

/** The `node` the hook command names resolves to a working Node that is new enough (field lesson #2). */
export function checkHookNode(facts: Pick<DoctorFacts, 'hookProbe'>): CheckResult {
  const probe = facts.hookProbe;
  if (!probe) return { id: ID, status: 'ok', finding: 'Not checked: no ctxkit hook to run.', fix: 'Checked once ctxkit hooks are installed.' };
  const where = `the hooks in ${probe.source}`;
  if (probe.resolvedNode === undefined) {
    const bare = !/[\\/]/.test(probe.command);
    return {
      id: ID,
      status: 'fail',
      finding: bare ? `\`${probe.command}\` (used by ${where}) is not on PATH here.` : `${probe.command} (used by ${where}) does not exist.`,
      fix: bare
        ? "Claude Code started from an IDE or a launcher may not have your shell's PATH either; run `ctxkit install --node absolute --scope local` to write a working Node's full path."
        : 'Reinstall with `ctxkit install --node absolute` (the Node that runs install) or `--node <path>`.',
    };
  }
  if (probe.nodeVersion === undefined) {
    return {
      id: ID,
      status: 'fail',
      finding: `${probe.resolvedNode} (used by ${where}) does not run: ${probe.nodeError ?? 'no version printed'}.`,
      fix: 'Every ctxkit hook fails until `command` names a working Node; reinstall with `ctxkit install --node absolute`.',
    };
  }
  if (compareVersions(probe.nodeVersion, MIN_NODE_VERSION) < 0) {
    return {
      id: ID,
      status: 'fail',
      finding: `The hooks run Node ${probe.nodeVersion} (${probe.resolvedNode}), older than ${MIN_NODE_VERSION}.`,
      fix: 'Put a newer Node first on PATH, or reinstall with `ctxkit install --node <path to Node 20.19+>`.',
    };
  }
  const details =
    probe.installNodeExecPath && probe.installNodeExecPath !== probe.resolvedNode
      ? [`ctxkit install ran with ${probe.installNodeExecPath}; the hooks resolve \`${probe.command}\` to ${probe.resolvedNode} (a native addon built for one may not load in the other; hook-run checks it)`]
      : undefined;
  return {
    id: ID,
    status: 'ok',
    finding: `\`${probe.command}\` resolves to ${probe.resolvedNode} (Node ${probe.nodeVersion}).`,
    fix: 'Claude Code resolves it with its own PATH, which can differ from this shell when started from an IDE.',
    ...(details ? { details } : {}),
  };
}
