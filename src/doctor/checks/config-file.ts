import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';

/** ctxkit.config.json is valid (or absent). */
export function checkConfigFile(facts: Pick<DoctorFacts, 'config'>): CheckResult {
  const { file, exists, error } = facts.config;
  if (!exists) return { id: 'config', status: 'ok', finding: 'No ctxkit.config.json; the defaults apply.', fix: 'Create ctxkit.config.json only to change a default.' };
  if (error === undefined) return { id: 'config', status: 'ok', finding: `${file} is valid.`, fix: 'Its keys and meanings: schema/ctxkit.config.schema.json.' };
  const [first, ...rest] = error.split('\n');
  return {
    id: 'config',
    status: 'fail',
    finding: first,
    fix: 'ctxkit commands refuse to run and the hooks may misread it until the problems below are fixed.',
    details: rest.map((line) => line.trim()).filter(Boolean),
  };
}
