import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';
import { abiMismatchFix, isAbiMismatch } from './sqlite-binding.js';

const ID = 'hook-run';
/** Claude Code's timeout for a command hook without one (claude-code.md §4.4). */
const DEFAULT_TIMEOUT_SECONDS = 600;

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The hook entry starts, handles a harmless SessionStart and exits within its declared timeout. */
export function checkHookRun(facts: Pick<DoctorFacts, 'hookProbe'>): CheckResult {
  const probe = facts.hookProbe;
  if (!probe) return { id: ID, status: 'ok', finding: 'Not checked: no ctxkit hook to run.', fix: 'Checked once ctxkit hooks are installed.' };
  if (!probe.entryExists) {
    return {
      id: ID,
      status: 'fail',
      finding: `The hook entry ${probe.entryFile} does not exist.`,
      fix: 'Every ctxkit hook fails until it does: build ctxkit (`npm run build`) or reinstall the package, then `ctxkit install` again.',
    };
  }
  if (probe.skipped) return { id: ID, status: 'ok', finding: `Not run (--skip-run); the entry ${probe.entryFile} exists.`, fix: 'Run ctxkit doctor without --skip-run to time a real SessionStart.' };
  if (probe.runs.length === 0) return { id: ID, status: 'fail', finding: 'The hook entry was not run: no working Node (see hook-node).', fix: 'Fix hook-node first.' };
  const timeout = probe.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const failed = probe.runs.find((run) => run.timedOut || run.exitCode !== 0 || run.logErrors.length > 0);
  if (failed) {
    const errorText = [...failed.logErrors, failed.stderr].join('\n');
    if (isAbiMismatch(errorText)) {
      return {
        id: ID,
        status: 'fail',
        finding: `The hook runs but cannot open the store: better-sqlite3 was built for a different Node version than ${probe.resolvedNode ?? probe.command}.`,
        fix: abiMismatchFix(probe.resolvedNode ?? probe.command),
        details: failed.logErrors.slice(-3),
      };
    }
    const what = failed.timedOut
      ? `did not finish within its ${timeout} s timeout`
      : failed.exitCode !== 0
        ? `exited with code ${failed.exitCode}${failed.stderr ? `: ${firstLine(failed.stderr)}` : ''}`
        : `failed and logged: ${firstLine(failed.logErrors[failed.logErrors.length - 1] ?? '')}`;
    return {
      id: ID,
      status: 'fail',
      finding: `${probe.command} ${probe.entryFile} SessionStart ${what}.`,
      fix: 'Claude Code keeps going when a hook fails, so ctxkit silently captures nothing; fix the error shown (CTXKIT_DEBUG=1 logs more).',
      ...(failed.logErrors.length > 0 ? { details: failed.logErrors.slice(-3) } : {}),
    };
  }
  const [first, second] = probe.runs;
  const slowest = Math.max(...probe.runs.map((run) => run.durationMs));
  const timing = second ? `${second.durationMs} ms (first run, creating a store: ${first.durationMs} ms)` : `${first.durationMs} ms`;
  if (!probe.runs.every((run) => run.completed)) {
    return { id: ID, status: 'warn', finding: `SessionStart exited in ${timing} but did not log that its handler finished.`, fix: 'Look at the hook log (CTXKIT_DEBUG=1) for what stopped it.' };
  }
  if (slowest > timeout * 1000) {
    return { id: ID, status: 'fail', finding: `SessionStart answered in ${timing}, over its ${timeout} s timeout.`, fix: 'Claude Code cancels it; raise the timeout or find what is slow (CTXKIT_DEBUG=1 logs timings).' };
  }
  if (slowest > (timeout * 1000) / 2) {
    return { id: ID, status: 'warn', finding: `SessionStart answered in ${timing}, more than half its ${timeout} s timeout.`, fix: 'A busier machine may push it over; find what is slow (CTXKIT_DEBUG=1 logs timings).' };
  }
  return {
    id: ID,
    status: 'ok',
    finding: `SessionStart answered in ${timing}; timeout ${timeout} s.`,
    fix: `Run with ${probe.command} ${probe.entryFile} in a scratch project, so your store is not touched.`,
  };
}
