/**
 * Inline switches, written as HTML comments so Claude Code and renderers ignore them:
 *
 * - `<!-- ctxkit-lint-disable -->` anywhere in a file turns every rule off for that file;
 *   `<!-- ctxkit-lint-disable rule-a rule-b -->` turns off only those rules.
 * - `<!-- ctxkit-lint-disable-next-line rule-a -->` turns rules off for the line after the comment
 *   (every rule when no id is given).
 *
 * Comments inside code fences or inline code are examples, not switches.
 */
export interface DisableComments {
  /** Rules off for the whole file; `'*'` means every rule. */
  file: Set<string>;
  /** 1-based line -> rules off on that line (`'*'` = every rule). */
  lines: Map<number, Set<string>>;
}

const COMMENT = /<!--\s*ctxkit-lint-disable(-next-line)?((?:\s+[\w-]+,?)*)\s*-->/g;

/** Reads the disable comments from a document's prose lines (code already blanked). */
export function parseDisableComments(prose: readonly string[]): DisableComments {
  const result: DisableComments = { file: new Set(), lines: new Map() };
  for (let i = 0; i < prose.length; i++) {
    const line = prose[i];
    if (!line.includes('ctxkit-lint-disable')) continue;
    COMMENT.lastIndex = 0;
    for (let match = COMMENT.exec(line); match !== null; match = COMMENT.exec(line)) {
      const ids = match[2].split(/[\s,]+/).filter(Boolean);
      const rules = ids.length > 0 ? ids : ['*'];
      if (match[1]) {
        const target = i + 2;
        const set = result.lines.get(target) ?? new Set<string>();
        for (const id of rules) set.add(id);
        result.lines.set(target, set);
      } else {
        for (const id of rules) result.file.add(id);
      }
    }
  }
  return result;
}

/** True when a finding of `ruleId` on `line` is switched off by a comment. */
export function isDisabled(comments: DisableComments, ruleId: string, line: number): boolean {
  if (comments.file.has('*') || comments.file.has(ruleId)) return true;
  const onLine = comments.lines.get(line);
  return onLine !== undefined && (onLine.has('*') || onLine.has(ruleId));
}
