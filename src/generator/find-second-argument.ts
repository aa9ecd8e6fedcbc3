import type { SourceLine } from './compile-types.js';

const SECOND = /(^|[^\\$\w])\$1(?!\d)/;
const FIRST = /(^|[^\\$\w])\$0(?!\d)/;

/**
 * Claude Code's `$N` placeholders are 0-based since 2.1.19, so a command body that uses `$1` but never
 * `$0` most likely means the first argument. Returns the first such `$1` line, if any.
 */
export function findSecondArgumentMisuse(lines: readonly SourceLine[]): SourceLine | undefined {
  if (lines.some((line) => FIRST.test(line.text))) return undefined;
  return lines.find((line) => SECOND.test(line.text));
}
