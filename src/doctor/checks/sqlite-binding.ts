import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';

/** better-sqlite3's own message when its addon was compiled for another Node ABI. */
const ABI_MISMATCH = /NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED/;

/** True when an error text says a native addon was built for another Node version. */
export function isAbiMismatch(text: string): boolean {
  return ABI_MISMATCH.test(text);
}

/** The plain-words fix for an ABI mismatch. */
export function abiMismatchFix(execPath: string): string {
  return `better-sqlite3 was built for a different Node version; run \`npm rebuild better-sqlite3\` with the Node that runs the hooks (${execPath}).`;
}

/** better-sqlite3 (the store's native addon) loads in this Node. */
export function checkSqliteBinding(facts: Pick<DoctorFacts, 'sqlite' | 'node'>): CheckResult {
  if (facts.sqlite.ok) {
    return { id: 'better-sqlite3', status: 'ok', finding: `better-sqlite3 loads in Node ${facts.node.version}.`, fix: 'The store is SQLite through this native addon.' };
  }
  const error = facts.sqlite.error;
  const firstLine = error.split('\n')[0];
  if (isAbiMismatch(error)) {
    return {
      id: 'better-sqlite3',
      status: 'fail',
      finding: `better-sqlite3 was built for a different Node version than ${facts.node.version}.`,
      fix: abiMismatchFix(facts.node.execPath),
      details: [firstLine],
    };
  }
  return {
    id: 'better-sqlite3',
    status: 'fail',
    finding: `better-sqlite3 does not load: ${firstLine}`,
    fix: 'Without it the hooks capture nothing (they fail open and log the error); reinstall dependencies (npm ci) or `npm rebuild better-sqlite3`.',
  };
}
