/** `CTXKIT_RAW=1 <command>` (anywhere an env assignment can stand) asks for the output untouched. */
export function isRawCommand(command: string): boolean {
  return /(?:^|[;&|(]\s*|\s)(?:export\s+)?CTXKIT_RAW=(?:1|true|yes)\b/.test(command);
}

/**
 * True when the command matches one of the `inflight.exclude` regular expressions. A pattern that
 * is not a valid regular expression matches as plain text, so a typo never turns exclusion off.
 */
export function isExcludedCommand(command: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    try {
      return new RegExp(pattern).test(command);
    } catch {
      return command.includes(pattern);
    }
  });
}
