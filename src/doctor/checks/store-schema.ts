import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';

const ID = 'store';

/** The store opens, is ctxkit's, is not damaged and has a schema this ctxkit can use. */
export function checkStoreSchema(facts: Pick<DoctorFacts, 'store'>): CheckResult {
  const store = facts.store;
  if (store.error !== undefined) {
    return { id: ID, status: 'fail', finding: `${store.file} cannot be opened: ${store.error}`, fix: 'The hooks fail open and capture nothing while it cannot be opened; check its permissions and the disk.' };
  }
  if (!store.exists) return { id: ID, status: 'ok', finding: `No store yet (${store.file}).`, fix: 'The first hook creates it.' };
  if (store.isCtxkitStore === false) {
    return {
      id: ID,
      status: 'warn',
      finding: `${store.file} is not a ctxkit store.`,
      fix: 'The next hook moves it aside (ctxkit.db.corrupt-<time>) and starts a new store; nothing is deleted.',
    };
  }
  if (store.quickCheck !== undefined && store.quickCheck !== 'ok') {
    return {
      id: ID,
      status: 'fail',
      finding: `${store.file} is damaged (quick_check: ${store.quickCheck.split('\n')[0]}).`,
      fix: "The next SessionStart's daily check moves it aside and starts a new store; what it held is no longer injected.",
    };
  }
  const version = store.version ?? 0;
  if (version > store.latestVersion) {
    return {
      id: ID,
      status: 'fail',
      finding: `${store.file} has schema version ${version}, newer than this ctxkit knows (${store.latestVersion}).`,
      fix: 'A newer ctxkit wrote it; the hooks leave it alone and do nothing until ctxkit is upgraded.',
    };
  }
  if (version < store.latestVersion) {
    return { id: ID, status: 'ok', finding: `${store.file} has schema version ${version}; the next hook migrates it to ${store.latestVersion}.`, fix: 'Migrations run once, in one transaction.' };
  }
  return { id: ID, status: 'ok', finding: `${store.file} opens; schema version ${version} is current.`, fix: 'The store is checked for damage daily by SessionStart too.' };
}
