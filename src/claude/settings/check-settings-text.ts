/**
 * Decides whether ctxkit may edit a settings file's text: it must be strict JSON holding an object, Claude Code must
 * accept it as it is, and `hooks` (when present) must be an object of arrays so there is something to merge into.
 */
import { findMember, lineColumnAt, parseJsonTree, jsonValueOf, type JsonNode } from './parse-json-tree.js';
import { validateSettings, type SettingsProblem } from './validate-settings.js';

export type SettingsCheck =
  | { ok: true; value: Record<string, unknown>; warnings: SettingsProblem[] }
  | { ok: false; message: string; problems: SettingsProblem[] };

/** Finds the node a problem path (`hooks.Stop[0].hooks[1].timeout`) points at, or the closest parent that exists. */
export function locateSettingsPath(root: JsonNode, path: string): JsonNode {
  let node = root;
  for (const match of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) {
    let next: JsonNode | undefined;
    if (match[1] !== undefined) next = node.kind === 'array' ? node.items[Number(match[1])] : undefined;
    else next = findMember(node, match[2])?.value;
    if (!next) break;
    node = next;
  }
  return node;
}

function formatProblem(file: string, text: string, root: JsonNode | undefined, problem: SettingsProblem): string {
  const where = root ? lineColumnAt(text, locateSettingsPath(root, problem.path).start) : undefined;
  const position = where ? `${file}:${where.line}:${where.column}` : file;
  return `${position}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/** Checks a settings file's text; `file` names it in messages. Whitespace-only text reads as `{}`, as in Claude Code. */
export function checkSettingsText(text: string, file: string): SettingsCheck {
  if (text.trim() === '' || text === '\ufeff') return { ok: true, value: {}, warnings: [] };
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return {
      ok: false,
      message: `${file}:${line}:${column}: not valid JSON: ${message}. Claude Code ignores this file; fix it first (ctxkit left it untouched).`,
      problems: [{ severity: 'error', path: '', message }],
    };
  }
  const value = jsonValueOf(parsed.root);
  const problems = validateSettings(value);
  const errors = problems.filter((problem) => problem.severity === 'error');
  // A `hooks` or event that is not the right container is only a warning for Claude Code, but ctxkit cannot merge into it.
  const blocking = problems.filter((problem) => problem.severity === 'warning' && /^hooks(\.[^.[\]]+)?$/.test(problem.path) && /expected an (object|array)/.test(problem.message));
  if (errors.length > 0) {
    return {
      ok: false,
      message: [
        `${file} has ${errors.length} problem(s) that make Claude Code ignore the whole file; fix them first (ctxkit left it untouched):`,
        ...errors.map((problem) => `  ${formatProblem(file, text, parsed.root, problem)}`),
      ].join('\n'),
      problems,
    };
  }
  if (blocking.length > 0) {
    return {
      ok: false,
      message: [
        `${file} has an unexpected shape ctxkit cannot merge into; fix it first (ctxkit left it untouched):`,
        ...blocking.map((problem) => `  ${formatProblem(file, text, parsed.root, problem)}`),
      ].join('\n'),
      problems,
    };
  }
  return { ok: true, value: value as Record<string, unknown>, warnings: problems };
}
