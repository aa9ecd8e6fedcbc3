import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';
import { parseHookLog } from '../parse-hook-log.js';
import { abiMismatchFix, isAbiMismatch } from './sqlite-binding.js';

const ID = 'hook-log';
/** Errors older than this are history, not a current problem. */
export const RECENT_ERROR_DAYS = 7;
/** How many of the last errors are shown. */
export const SHOWN_ERRORS = 5;

/** The last errors the hooks logged (hooks fail open, so the log is where failures show; field lesson #1). */
export function checkHookLog(facts: Pick<DoctorFacts, 'hookLog' | 'now' | 'node'>): CheckResult {
  const { file, tail } = facts.hookLog;
  if (tail === undefined) return { id: ID, status: 'ok', finding: `No hook log yet (${file}).`, fix: 'Hooks write a line there when something fails; CTXKIT_DEBUG=1 logs more.' };
  const { entries, unreadable } = parseHookLog(tail);
  const errors = entries.filter((entry) => entry.level === 'error');
  const unreadableNote = unreadable > 0 ? [`${unreadable} line(s) could not be read as log entries`] : [];
  const recentSince = facts.now - RECENT_ERROR_DAYS * 24 * 60 * 60 * 1000;
  const recent = errors.filter((entry) => Date.parse(entry.at) >= recentSince);
  if (recent.length > 0) {
    const shown = recent.slice(-SHOWN_ERRORS).map((entry) => `${entry.at} ${entry.event}: ${entry.message}`);
    const abi = recent.some((entry) => isAbiMismatch(entry.message));
    return {
      id: ID,
      status: 'warn',
      finding: `${recent.length} error(s) in ${file} in the last ${RECENT_ERROR_DAYS} days; the last ${shown.length}:`,
      fix: abi
        ? abiMismatchFix(facts.node.execPath)
        : 'Hooks fail open: Claude Code went on, but those events captured nothing. Fix the cause shown; CTXKIT_DEBUG=1 logs more.',
      details: [...shown, ...unreadableNote],
    };
  }
  if (unreadable > 0) {
    return { id: ID, status: 'warn', finding: `${file} has ${unreadable} line(s) that are not log entries.`, fix: 'The log may be damaged; you can delete it, hooks start a new one.' };
  }
  const older = errors.length > 0 ? `; the last error was on ${errors[errors.length - 1].at}` : '';
  return { id: ID, status: 'ok', finding: `No errors in ${file} in the last ${RECENT_ERROR_DAYS} days${older}.`, fix: 'Hooks write a line there when something fails.' };
}
