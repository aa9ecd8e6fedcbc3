import type { CheckResult } from '../check-result.js';
import { lookupClaudeVersion, VERIFIED_CLAUDE_VERSION } from '../claude-versions.js';
import type { DoctorFacts } from '../doctor-facts.js';

/** Which Claude Code is installed. */
export function checkClaudeVersion(facts: Pick<DoctorFacts, 'claude'>): CheckResult {
  const { path, version, error } = facts.claude;
  if (path === undefined) {
    return {
      id: 'claude-version',
      status: 'warn',
      finding: 'No `claude` found on PATH or in node_modules/.bin.',
      fix: `Doctor could not check the Claude Code version; ctxkit is verified on ${VERIFIED_CLAUDE_VERSION}.`,
    };
  }
  if (version === undefined) {
    return { id: 'claude-version', status: 'warn', finding: `\`${path} --version\` gave no version${error ? `: ${error}` : ''}.`, fix: `ctxkit is verified on Claude Code ${VERIFIED_CLAUDE_VERSION}.` };
  }
  const row = lookupClaudeVersion(version);
  if (row?.updatedToolOutput === 'verified') {
    return { id: 'claude-version', status: 'ok', finding: `Claude Code ${version} (${path}).`, fix: `ctxkit is verified on ${VERIFIED_CLAUDE_VERSION}; ${row.note}.` };
  }
  return {
    id: 'claude-version',
    status: 'warn',
    finding: `Claude Code ${version} (${path}) is ${row?.note ?? 'not in ctxkit’s table of known versions'}.`,
    fix: `Hook formats changed over time; update Claude Code (${VERIFIED_CLAUDE_VERSION} or newer).`,
  };
}

/** Whether that Claude Code applies PostToolUse `updatedToolOutput`, which in-flight compression and the guard use. */
export function checkToolOutputRewrite(facts: Pick<DoctorFacts, 'claude'>): CheckResult {
  const version = facts.claude.version;
  const row = version === undefined ? undefined : lookupClaudeVersion(version);
  if (row?.updatedToolOutput === 'verified') {
    return {
      id: 'tool-output-rewrite',
      status: 'ok',
      finding: `Claude Code ${version} applies updatedToolOutput to built-in tools.`,
      fix: `In-flight compression and the guard replace tool output this way (${row.note}).`,
    };
  }
  return {
    id: 'tool-output-rewrite',
    status: 'warn',
    finding: `Unknown whether Claude Code ${version ?? '(version unknown)'} applies updatedToolOutput to built-in tools.`,
    fix: `In-flight compression and the guard may be ignored (the model then gets the full output; capture still works); verified from ${VERIFIED_CLAUDE_VERSION} on.`,
  };
}
