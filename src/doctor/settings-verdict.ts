/**
 * How Claude Code 2.1.197 takes one settings file: loaded as a whole, loaded with parts dropped, or ignored as a
 * whole (a JSON syntax error, or one schema error anywhere in `hooks`; claude-code.md §4.1).
 */
import { checkSettingsText } from '../claude/settings/check-settings-text.js';
import { jsonValueOf, parseJsonTree } from '../claude/settings/parse-json-tree.js';
import { validateSettings, type SettingsProblem } from '../claude/settings/validate-settings.js';

export type SettingsVerdict =
  | { state: 'absent' }
  | { state: 'unreadable'; message: string }
  | { state: 'ignored'; reason: 'syntax' | 'schema'; lines: string[] }
  | { state: 'loaded'; value: Record<string, unknown>; warnings: SettingsProblem[] };

/** Judges a settings file's text the way Claude Code loads it. */
export function judgeSettings(file: string, text: string | undefined, readError?: string): SettingsVerdict {
  if (readError !== undefined) return { state: 'unreadable', message: readError };
  if (text === undefined) return { state: 'absent' };
  if (text.trim() === '' || text === '\ufeff') return { state: 'loaded', value: {}, warnings: [] };
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { state: 'ignored', reason: 'syntax', lines: [`${file}:${line}:${column}: not valid JSON: ${message}`] };
  }
  const value = jsonValueOf(parsed.root);
  const problems = validateSettings(value);
  if (problems.some((problem) => problem.severity === 'error')) {
    // checkSettingsText formats each error with its line and column; its first line is install's refusal text.
    const check = checkSettingsText(text, file);
    const lines = check.ok ? [] : check.message.split('\n').slice(1).map((line) => line.trim());
    return { state: 'ignored', reason: 'schema', lines };
  }
  return { state: 'loaded', value: value as Record<string, unknown>, warnings: problems };
}
