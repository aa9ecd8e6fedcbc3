/**
 * Checks a parsed settings object the way Claude Code 2.1.197 does (claude-code.md §4.1, read from its schema).
 * Errors make Claude Code ignore the WHOLE file (`settings: null`); warnings lose a part of it (an unknown event, a
 * `hooks` that is not an object, a matcher that never matches, an `if` that never runs).
 * Only the hooks part is checked: that is what ctxkit writes. Other keys are passed through.
 */
import { EVENTS_WITH_IF, isHookEventName } from './hook-events.js';

export interface SettingsProblem {
  /** `error`: Claude Code ignores the whole file. `warning`: it drops or never uses this part. */
  severity: 'error' | 'warning';
  /** Where, as `hooks.PostToolUse[0].hooks[1].timeout`. */
  path: string;
  message: string;
}

const HANDLER_TYPES = ['command', 'prompt', 'agent', 'http', 'mcp_tool'] as const;

// Field name -> type check, per handler type; `type` is checked separately. Unknown fields are stripped by
// Claude Code (its handler schemas are not strict), so they are not problems.
type FieldCheck = (value: unknown) => string | undefined;

const isString: FieldCheck = (value) => (typeof value === 'string' ? undefined : 'a string');
const isBoolean: FieldCheck = (value) => (typeof value === 'boolean' ? undefined : 'a boolean');
const isPositiveNumber: FieldCheck = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? undefined : 'a positive number (seconds)';
const isStringArray: FieldCheck = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'an array of strings';
const isStringRecord: FieldCheck = (value) =>
  isPlainObject(value) && Object.values(value).every((item) => typeof item === 'string') ? undefined : 'an object of strings';
const isObject: FieldCheck = (value) => (isPlainObject(value) ? undefined : 'an object');
const isShell: FieldCheck = (value) => (value === 'bash' || value === 'powershell' ? undefined : "'bash' or 'powershell'");
const isNonEmptyString: FieldCheck = (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'a non-empty string');
const isUrl: FieldCheck = (value) => (typeof value === 'string' && URL.canParse(value) ? undefined : 'an absolute URL');

const COMMON_FIELDS: Record<string, FieldCheck> = { if: isString, timeout: isPositiveNumber, statusMessage: isString, once: isBoolean };

const HANDLER_FIELDS: Record<(typeof HANDLER_TYPES)[number], { required: string[]; fields: Record<string, FieldCheck> }> = {
  command: {
    required: ['command'],
    fields: {
      command: isString,
      args: isStringArray,
      shell: isShell,
      async: isBoolean,
      asyncRewake: isBoolean,
      rewakeMessage: isNonEmptyString,
      rewakeSummary: isNonEmptyString,
    },
  },
  prompt: { required: ['prompt'], fields: { prompt: isString, model: isString, continueOnBlock: isBoolean } },
  agent: { required: ['prompt'], fields: { prompt: isString, model: isString } },
  http: { required: ['url'], fields: { url: isUrl, headers: isStringRecord, allowedEnvVars: isStringArray } },
  mcp_tool: { required: ['server', 'tool'], fields: { server: isString, tool: isString, input: isObject } },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

// Claude Code treats a matcher made only of these characters as an exact list split on `|` or `,`; anything else is
// an unanchored RegExp, and one that does not compile is logged and matches nothing (§4.2).
const EXACT_MATCHER = /^[A-Za-z0-9_|, -]*$/;

function checkMatcher(matcher: string, path: string, problems: SettingsProblem[]): void {
  if (matcher === '*' || EXACT_MATCHER.test(matcher)) return;
  try {
    new RegExp(matcher);
  } catch (error) {
    problems.push({
      severity: 'warning',
      path,
      message: `Unexpected invalid regular expression ${JSON.stringify(matcher)} (${(error as Error).message}); Claude Code logs it and the group matches nothing`,
    });
  }
}

function checkHandler(handler: unknown, event: string, path: string, problems: SettingsProblem[]): void {
  if (!isPlainObject(handler)) {
    problems.push({ severity: 'error', path, message: `Unexpected ${describeValue(handler)}, expected a handler object with a "type"` });
    return;
  }
  const type = handler.type;
  if (!HANDLER_TYPES.includes(type as (typeof HANDLER_TYPES)[number])) {
    problems.push({
      severity: 'error',
      path: `${path}.type`,
      message: `Unexpected ${type === undefined ? 'missing type' : describeValue(type)}, expected one of ${HANDLER_TYPES.map((t) => `"${t}"`).join(', ')}`,
    });
    return;
  }
  const spec = HANDLER_FIELDS[type as (typeof HANDLER_TYPES)[number]];
  for (const field of spec.required) {
    if (!(field in handler)) problems.push({ severity: 'error', path: `${path}.${field}`, message: `Missing "${field}", required for a "${String(type)}" handler` });
  }
  const checks = { ...COMMON_FIELDS, ...spec.fields };
  for (const [field, value] of Object.entries(handler)) {
    const check = checks[field];
    // undefined cannot come from JSON; a caller building settings in code may leave optional fields undefined.
    if (!check || value === undefined) continue;
    const expected = check(value);
    if (expected) problems.push({ severity: 'error', path: `${path}.${field}`, message: `Unexpected ${describeValue(value)}, expected ${expected}` });
  }
  if (typeof handler.if === 'string' && !EVENTS_WITH_IF.has(event)) {
    problems.push({
      severity: 'warning',
      path: `${path}.if`,
      message: `Unexpected "if" on ${event}, expected it only on tool events (${[...EVENTS_WITH_IF].join(', ')}); this handler never runs`,
    });
  }
}

/**
 * Validates a parsed settings file against Claude Code 2.1.197's rules for `hooks`.
 * Returns every problem found (empty when Claude Code would load the hooks as written).
 */
export function validateSettings(settings: unknown): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (!isPlainObject(settings)) {
    problems.push({ severity: 'error', path: '', message: `Unexpected ${describeValue(settings)}, expected a JSON object at the top level` });
    return problems;
  }
  if (!('hooks' in settings)) return problems;
  const hooks = settings.hooks;
  if (!isPlainObject(hooks)) {
    problems.push({
      severity: 'warning',
      path: 'hooks',
      message: `Unexpected ${describeValue(hooks)}, expected an object mapping event names to arrays; Claude Code ignores "hooks"`,
    });
    return problems;
  }
  for (const [event, groups] of Object.entries(hooks)) {
    const eventPath = `hooks.${event}`;
    if (!isHookEventName(event)) {
      problems.push({ severity: 'warning', path: eventPath, message: `Unexpected hook event "${event}", expected a Claude Code event name; Claude Code ignores it` });
      continue;
    }
    if (!Array.isArray(groups)) {
      problems.push({ severity: 'warning', path: eventPath, message: `Unexpected ${describeValue(groups)}, expected an array of matcher groups; Claude Code ignores this event` });
      continue;
    }
    groups.forEach((group: unknown, groupIndex) => {
      const groupPath = `${eventPath}[${groupIndex}]`;
      if (!isPlainObject(group)) {
        problems.push({ severity: 'error', path: groupPath, message: `Unexpected ${describeValue(group)}, expected a matcher group object {"matcher"?, "hooks"}` });
        return;
      }
      if ('matcher' in group && group.matcher !== undefined) {
        if (typeof group.matcher !== 'string') {
          problems.push({ severity: 'error', path: `${groupPath}.matcher`, message: `Unexpected ${describeValue(group.matcher)}, expected a string` });
        } else {
          checkMatcher(group.matcher, `${groupPath}.matcher`, problems);
        }
      }
      if (!Array.isArray(group.hooks)) {
        problems.push({
          severity: 'error',
          path: `${groupPath}.hooks`,
          message: `Unexpected ${group.hooks === undefined ? 'missing "hooks"' : describeValue(group.hooks)}, expected an array of handlers`,
        });
        return;
      }
      group.hooks.forEach((handler: unknown, handlerIndex) => checkHandler(handler, event, `${groupPath}.hooks[${handlerIndex}]`, problems));
    });
  }
  return problems;
}
