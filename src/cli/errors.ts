/**
 * The three ways a command can fail. Only `main.ts` turns them into output and exit codes:
 * a UsageError or UserError prints its message (exit 2), anything else is a bug (stack + report hint, exit 2).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An expected failure the user can fix: missing config, not a git repo, invalid settings file. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** A bug in ctxkit. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/** Exit codes shared by every command except `hook`, which always exits 0 (or 2 when deliberately blocking). */
export const ExitCode = {
  ok: 0,
  findings: 1,
  failure: 2,
} as const;
