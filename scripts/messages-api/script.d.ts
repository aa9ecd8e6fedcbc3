/**
 * Does `when` hold for this request?
 * @param {When} when
 * @param {MessagesBody} body
 * @param {Record<string, string | string[] | undefined>} [headers]  request headers (they mark subagent requests)
 */
export function matchesWhen(when: When, body: MessagesBody, headers?: Record<string, string | string[] | undefined>): boolean;
/**
 * Pick the reply for a request: the first rule whose `when` holds and whose `times` is not used up.
 * @param {Script} script
 * @param {MessagesBody} body
 * @param {number[]} uses  how often each rule has answered so far (same order as `script.rules`)
 * @param {Record<string, string | string[] | undefined>} [headers]
 * @returns {{reply: Reply, ruleIndex: number | null, name: string | null}}
 */
export function selectReply(script: Script, body: MessagesBody, uses: number[], headers?: Record<string, string | string[] | undefined>): {
    reply: Reply;
    ruleIndex: number | null;
    name: string | null;
};
/**
 * Check a script's shape so a typo fails loudly instead of silently never matching.
 * @param {unknown} value
 * @returns {Script}
 */
export function validateScript(value: unknown): Script;
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
export const DEFAULT_REPLY: Readonly<{
    text: "OK.";
}>;
export type MessagesBody = import("./inspect-request.js").MessagesBody;
/**
 * Every given condition must hold (AND). An empty `when` matches every request.
 */
export type When = {
    /**
     * the last user message's text blocks contain this
     */
    lastUserTextIncludes?: string | undefined;
    /**
     * the first user message contains this (the `-p` prompt, or a subagent's task)
     */
    firstUserTextIncludes?: string | undefined;
    /**
     * the system prompt contains this
     */
    systemIncludes?: string | undefined;
    /**
     * the last user message holds a tool_result for this tool_use id
     */
    toolResultFor?: string | undefined;
    /**
     * a tool_result in the last user message contains this text
     */
    toolResultIncludes?: string | undefined;
    /**
     * the last user message holds (true) or holds no (false) tool_result
     */
    hasToolResult?: boolean | undefined;
    /**
     * sent by a subagent (true) or by the main thread (false); side requests never match
     */
    isSubagent?: boolean | undefined;
    /**
     * exact role, see `requestRole`
     */
    role?: "main" | "subagent" | "side" | undefined;
    /**
     * the request offers a tool of this name
     */
    toolsInclude?: string | undefined;
};
export type ToolUse = {
    /**
     * tool name as Claude Code offers it (Read, Grep, Glob, Bash, Agent, ...)
     */
    name: string;
    /**
     * the tool's input object
     */
    input: Record<string, unknown>;
    /**
     * tool_use id; give one when a later rule refers to it with `toolResultFor`
     */
    id?: string | undefined;
};
export type ApiError = {
    /**
     * HTTP status (429, 500, 529, ...)
     */
    status: number;
    /**
     * Anthropic error type (rate_limit_error, api_error, overloaded_error, ...)
     */
    type: string;
    message: string;
};
/**
 * One assistant turn. `toolUses` and `text` may be combined (text first).
 */
export type Reply = {
    text?: string | undefined;
    /**
     * one block per call; several = parallel tool calls
     */
    toolUses?: ToolUse[] | undefined;
    /**
     * defaults to tool_use when there are tool uses, else end_turn
     */
    stopReason?: string | undefined;
    /**
     * answer with an API error instead of a message
     */
    error?: ApiError | undefined;
};
export type Rule = {
    /**
     * shown in recorded requests as `matched`
     */
    name?: string | undefined;
    when?: When | undefined;
    reply: Reply;
    /**
     * how many requests the rule may answer (default: unlimited)
     */
    times?: number | undefined;
};
export type Script = {
    rules?: Rule[] | undefined;
    /**
     * reply to requests that match no rule (default: a short text, end_turn)
     */
    default?: Reply | undefined;
};
