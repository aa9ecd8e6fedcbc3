/**
 * @typedef {{type: string, text?: string, tool_use_id?: string, content?: unknown, is_error?: boolean, name?: string, id?: string, input?: unknown}} ContentBlock
 * @typedef {{role: string, content: string | ContentBlock[]}} Message
 * @typedef {{model?: string, system?: string | ContentBlock[], messages?: Message[], tools?: {name: string}[], max_tokens?: number, stream?: boolean}} MessagesBody
 */
/**
 * The system prompt as one string (the API accepts a string or a list of text blocks).
 * @param {MessagesBody} body
 * @returns {string}
 */
export function systemText(body: MessagesBody): string;
/**
 * The text blocks of one message (tool results excluded), joined by newlines.
 * @param {Message | undefined} message
 * @returns {string}
 */
export function messageText(message: Message | undefined): string;
/**
 * The text of a tool_result block's content (a string or a list of text blocks).
 * @param {ContentBlock} block
 * @returns {string}
 */
export function toolResultText(block: ContentBlock): string;
/**
 * Text of the last user message, i.e. what the model is answering right now. Tool results are not text.
 * @param {MessagesBody} body
 */
export function lastUserText(body: MessagesBody): string;
/**
 * Text of the first user message: the `-p` prompt on the main thread, the Agent tool's `prompt` in a subagent
 * (both may be preceded by `<system-reminder>` blocks that Claude Code adds).
 * @param {MessagesBody} body
 */
export function firstUserText(body: MessagesBody): string;
/**
 * The tool_result blocks of the last user message: the answers to the tool calls of the previous turn.
 * @param {MessagesBody} body
 * @returns {ContentBlock[]}
 */
export function lastToolResults(body: MessagesBody): ContentBlock[];
/**
 * Names of the tools offered to the model in this request.
 * @param {MessagesBody} body
 * @returns {string[]}
 */
export function toolNames(body: MessagesBody): string[];
/**
 * The subagent id Claude Code puts on a subagent's requests (the same id hooks get as `agent_id`), or null.
 * @param {Record<string, string | string[] | undefined>} headers  lower-case names, as Node gives them
 * @returns {string | null}
 */
export function agentIdOf(headers: Record<string, string | string[] | undefined>): string | null;
/**
 * Which part of Claude Code sent the request.
 *
 * - `subagent`: a subagent run by the Agent tool. Claude Code 2.1.197 marks its requests with an
 *   `x-claude-code-agent-id` header and `cc_is_subagent=true` in the billing line of the system prompt; the agent's
 *   own system prompt follows ("You are an agent for Claude Code, ..." for general-purpose) and its first user
 *   message is the Agent call's `prompt`. It is offered the Agent tool too, so the tool list cannot tell them apart.
 * - `side`: a request that offers no tools at all (title generation, quota probes, ...).
 * - `main`: everything else, i.e. the main thread ("You are an interactive agent ...").
 * @param {MessagesBody} body
 * @param {Record<string, string | string[] | undefined>} [headers]
 * @returns {'main' | 'subagent' | 'side'}
 */
export function requestRole(body: MessagesBody, headers?: Record<string, string | string[] | undefined>): "main" | "subagent" | "side";
export type ContentBlock = {
    type: string;
    text?: string;
    tool_use_id?: string;
    content?: unknown;
    is_error?: boolean;
    name?: string;
    id?: string;
    input?: unknown;
};
export type Message = {
    role: string;
    content: string | ContentBlock[];
};
export type MessagesBody = {
    model?: string;
    system?: string | ContentBlock[];
    messages?: Message[];
    tools?: {
        name: string;
    }[];
    max_tokens?: number;
    stream?: boolean;
};
