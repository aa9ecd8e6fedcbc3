/**
 * What ctxkit knows about Claude Code versions. In-flight compression and the guard answer a PostToolUse with
 * `updatedToolOutput`; a version that ignores it for built-in tools sends the model the full output instead.
 * Only versions checked against the real CLI are listed as verified (claude-code.md §1.2, tests/e2e/claude-cli.test.ts).
 */
import { compareVersions } from './compare-versions.js';

export interface ClaudeVersionRange {
  /** Inclusive lower bound. */
  from: string;
  /** Exclusive upper bound; open when absent. */
  below?: string;
  /** Whether PostToolUse `updatedToolOutput` replaces a built-in tool's output the model sees. */
  updatedToolOutput: 'verified' | 'unknown';
  note: string;
}

/** The version ctxkit is built and tested against. */
export const VERIFIED_CLAUDE_VERSION = '2.1.197';

export const CLAUDE_VERSION_TABLE: readonly ClaudeVersionRange[] = [
  {
    from: VERIFIED_CLAUDE_VERSION,
    updatedToolOutput: 'verified',
    note: `verified on ${VERIFIED_CLAUDE_VERSION} (Bash, Grep, Glob and Read outputs replaced); later versions are assumed to keep it`,
  },
  {
    from: '0.0.0',
    below: VERIFIED_CLAUDE_VERSION,
    updatedToolOutput: 'unknown',
    note: `older than ${VERIFIED_CLAUDE_VERSION}, the first version ctxkit verified`,
  },
];

/** The table row for a version. */
export function lookupClaudeVersion(version: string, table: readonly ClaudeVersionRange[] = CLAUDE_VERSION_TABLE): ClaudeVersionRange | undefined {
  return table.find((row) => compareVersions(version, row.from) >= 0 && (row.below === undefined || compareVersions(version, row.below) < 0));
}
