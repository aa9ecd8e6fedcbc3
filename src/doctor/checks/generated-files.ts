import type { CheckResult } from '../check-result.js';
import type { DoctorFacts } from '../doctor-facts.js';

/** Generated command, agent and context files match their templates. */
export function checkGeneratedFiles(facts: Pick<DoctorFacts, 'generated'>): CheckResult {
  if ('error' in facts.generated) {
    return { id: 'generated', status: 'warn', finding: `Could not compare the generated files: ${facts.generated.error}`, fix: 'Run `ctxkit generate --check` to see the problem.' };
  }
  const files = facts.generated.files;
  if (files.length === 0) return { id: 'generated', status: 'ok', finding: 'No templates folder; nothing is generated.', fix: '`ctxkit generate` compiles templates/ into .claude/.' };
  const broken = files.filter((file) => file.status === 'template-error');
  if (broken.length > 0) {
    return {
      id: 'generated',
      status: 'fail',
      finding: `${broken.length} template(s) do not compile, so generate writes nothing.`,
      fix: 'Fix the template errors below, then run `ctxkit generate`.',
      details: broken.map((file) => `${file.path}:${file.message ?? ''}`),
    };
  }
  const outdated = files.filter((file) => file.status !== 'ok');
  if (outdated.length > 0) {
    return {
      id: 'generated',
      status: 'warn',
      finding: `${outdated.length} of ${files.length} generated file(s) do not match their templates.`,
      fix: 'Claude Code runs the files as they are on disk; run `ctxkit generate` (hand-edited or hand-written files need --force or a move).',
      details: outdated.map((file) => `${file.status}: ${file.path}`),
    };
  }
  return { id: 'generated', status: 'ok', finding: `${files.length} generated file(s) up to date.`, fix: '`ctxkit generate --check` checks the same in CI.' };
}
