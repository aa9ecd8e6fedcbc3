// @ts-check
// A stand-in script: ordered rules matched against each request, plus a default reply. Pure: the caller keeps the
// per-rule use counts and passes them in.
import {
  firstUserText,
  lastToolResults,
  lastUserText,
  requestRole,
  systemText,
  toolNames,
  toolResultText,
} from './inspect-request.js';

/**
 * @typedef {import('./inspect-request.js').MessagesBody} MessagesBody
 *
 * @typedef {object} When  Every given condition must hold (AND). An empty `when` matches every request.
 * @property {string} [lastUserTextIncludes]  the last user message's text blocks contain this
 * @property {string} [firstUserTextIncludes]  the first user message contains this (the `-p` prompt, or a subagent's task)
 * @property {string} [systemIncludes]  the system prompt contains this
 * @property {string} [toolResultFor]  the last user message holds a tool_result for this tool_use id
 * @property {string} [toolResultIncludes]  a tool_result in the last user message contains this text
 * @property {boolean} [hasToolResult]  the last user message holds (true) or holds no (false) tool_result
 * @property {boolean} [isSubagent]  sent by a subagent (true) or by the main thread (false); side requests never match
 * @property {'main' | 'subagent' | 'side'} [role]  exact role, see `requestRole`
 * @property {string} [toolsInclude]  the request offers a tool of this name
 *
 * @typedef {object} ToolUse
 * @property {string} name  tool name as Claude Code offers it (Read, Grep, Glob, Bash, Agent, ...)
 * @property {Record<string, unknown>} input  the tool's input object
 * @property {string} [id]  tool_use id; give one when a later rule refers to it with `toolResultFor`
 *
 * @typedef {object} ApiError
 * @property {number} status  HTTP status (429, 500, 529, ...)
 * @property {string} type  Anthropic error type (rate_limit_error, api_error, overloaded_error, ...)
 * @property {string} message
 *
 * @typedef {object} Reply  One assistant turn. `toolUses` and `text` may be combined (text first).
 * @property {string} [text]
 * @property {ToolUse[]} [toolUses]  one block per call; several = parallel tool calls
 * @property {string} [stopReason]  defaults to tool_use when there are tool uses, else end_turn
 * @property {ApiError} [error]  answer with an API error instead of a message
 *
 * @typedef {object} Rule
 * @property {string} [name]  shown in recorded requests as `matched`
 * @property {When} [when]
 * @property {Reply} reply
 * @property {number} [times]  how many requests the rule may answer (default: unlimited)
 *
 * @typedef {object} Script
 * @property {Rule[]} [rules]
 * @property {Reply} [default]  reply to requests that match no rule (default: a short text, end_turn)
 */

/** Used when a request matches no rule and the script has no `default`. */
export const DEFAULT_REPLY = Object.freeze({ text: 'OK.' });

/**
 * Does `when` hold for this request?
 * @param {When} when
 * @param {MessagesBody} body
 * @param {Record<string, string | string[] | undefined>} [headers]  request headers (they mark subagent requests)
 */
export function matchesWhen(when, body, headers = {}) {
  const role = requestRole(body, headers);
  const results = lastToolResults(body);
  if (when.role !== undefined && when.role !== role) return false;
  if (when.isSubagent !== undefined) {
    if (role === 'side') return false;
    if ((role === 'subagent') !== when.isSubagent) return false;
  }
  if (when.lastUserTextIncludes !== undefined && !lastUserText(body).includes(when.lastUserTextIncludes)) return false;
  if (when.firstUserTextIncludes !== undefined && !firstUserText(body).includes(when.firstUserTextIncludes)) return false;
  if (when.systemIncludes !== undefined && !systemText(body).includes(when.systemIncludes)) return false;
  if (when.toolsInclude !== undefined && !toolNames(body).includes(when.toolsInclude)) return false;
  if (when.hasToolResult !== undefined && (results.length > 0) !== when.hasToolResult) return false;
  if (when.toolResultFor !== undefined && !results.some((block) => block.tool_use_id === when.toolResultFor)) {
    return false;
  }
  if (
    when.toolResultIncludes !== undefined &&
    !results.some((block) => toolResultText(block).includes(/** @type {string} */ (when.toolResultIncludes)))
  ) {
    return false;
  }
  return true;
}

/**
 * Pick the reply for a request: the first rule whose `when` holds and whose `times` is not used up.
 * @param {Script} script
 * @param {MessagesBody} body
 * @param {number[]} uses  how often each rule has answered so far (same order as `script.rules`)
 * @param {Record<string, string | string[] | undefined>} [headers]
 * @returns {{reply: Reply, ruleIndex: number | null, name: string | null}}
 */
export function selectReply(script, body, uses, headers = {}) {
  const rules = script.rules ?? [];
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index];
    if (rule.times !== undefined && (uses[index] ?? 0) >= rule.times) continue;
    if (!matchesWhen(rule.when ?? {}, body, headers)) continue;
    return { reply: rule.reply, ruleIndex: index, name: rule.name ?? `rule ${index}` };
  }
  return { reply: script.default ?? DEFAULT_REPLY, ruleIndex: null, name: null };
}

const WHEN_KEYS = new Set([
  'lastUserTextIncludes',
  'firstUserTextIncludes',
  'systemIncludes',
  'toolResultFor',
  'toolResultIncludes',
  'hasToolResult',
  'isSubagent',
  'role',
  'toolsInclude',
]);

/**
 * Check a script's shape so a typo fails loudly instead of silently never matching.
 * @param {unknown} value
 * @returns {Script}
 */
export function validateScript(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('script: expected an object');
  const script = /** @type {Record<string, unknown>} */ (value);
  for (const key of Object.keys(script)) {
    if (key !== 'rules' && key !== 'default') throw new TypeError(`script: unexpected key "${key}", expected rules or default`);
  }
  if (script.rules !== undefined && !Array.isArray(script.rules)) throw new TypeError('script.rules: expected an array');
  const rules = /** @type {unknown[]} */ (script.rules ?? []);
  rules.forEach((rule, index) => {
    const where = `script.rules[${index}]`;
    if (!rule || typeof rule !== 'object') throw new TypeError(`${where}: expected an object`);
    const { when, reply, times } = /** @type {Record<string, unknown>} */ (rule);
    if (when !== undefined) {
      if (!when || typeof when !== 'object') throw new TypeError(`${where}.when: expected an object`);
      for (const key of Object.keys(when)) {
        if (!WHEN_KEYS.has(key)) throw new TypeError(`${where}.when: unknown condition "${key}", expected one of ${[...WHEN_KEYS].join(', ')}`);
      }
    }
    if (times !== undefined && (typeof times !== 'number' || times < 1)) throw new TypeError(`${where}.times: expected a number >= 1`);
    validateReply(reply, `${where}.reply`);
  });
  if (script.default !== undefined) validateReply(script.default, 'script.default');
  return /** @type {Script} */ (script);
}

/**
 * @param {unknown} reply
 * @param {string} where
 */
function validateReply(reply, where) {
  if (!reply || typeof reply !== 'object') throw new TypeError(`${where}: expected an object`);
  const { text, toolUses, error } = /** @type {Record<string, unknown>} */ (reply);
  if (text === undefined && toolUses === undefined && error === undefined) {
    throw new TypeError(`${where}: expected text, toolUses or error`);
  }
  if (text !== undefined && typeof text !== 'string') throw new TypeError(`${where}.text: expected a string`);
  if (toolUses !== undefined) {
    if (!Array.isArray(toolUses) || toolUses.length === 0) throw new TypeError(`${where}.toolUses: expected a non-empty array`);
    toolUses.forEach((use, index) => {
      if (!use || typeof use.name !== 'string' || !use.input || typeof use.input !== 'object') {
        throw new TypeError(`${where}.toolUses[${index}]: expected {name: string, input: object, id?: string}`);
      }
    });
  }
}
