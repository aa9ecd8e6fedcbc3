// @ts-check
// What a Messages API request says about the conversation it belongs to. Pure functions over the parsed body.

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
export function systemText(body) {
  const system = body.system;
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return '';
  return system.map((block) => (typeof block.text === 'string' ? block.text : '')).join('\n');
}

/**
 * The text blocks of one message (tool results excluded), joined by newlines.
 * @param {Message | undefined} message
 * @returns {string}
 */
export function messageText(message) {
  if (!message) return '';
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.content)) return '';
  return message.content
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text)
    .join('\n');
}

/**
 * The text of a tool_result block's content (a string or a list of text blocks).
 * @param {ContentBlock} block
 * @returns {string}
 */
export function toolResultText(block) {
  const content = block.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('\n');
}

/**
 * @param {MessagesBody} body
 * @returns {Message[]}
 */
function userMessages(body) {
  return (body.messages ?? []).filter((message) => message.role === 'user');
}

/**
 * Text of the last user message, i.e. what the model is answering right now. Tool results are not text.
 * @param {MessagesBody} body
 */
export function lastUserText(body) {
  return messageText(userMessages(body).at(-1));
}

/**
 * Text of the first user message: the `-p` prompt on the main thread, the Agent tool's `prompt` in a subagent
 * (both may be preceded by `<system-reminder>` blocks that Claude Code adds).
 * @param {MessagesBody} body
 */
export function firstUserText(body) {
  return messageText(userMessages(body)[0]);
}

/**
 * The tool_result blocks of the last user message: the answers to the tool calls of the previous turn.
 * @param {MessagesBody} body
 * @returns {ContentBlock[]}
 */
export function lastToolResults(body) {
  const last = userMessages(body).at(-1);
  if (!last || !Array.isArray(last.content)) return [];
  return last.content.filter((block) => block.type === 'tool_result');
}

/**
 * Names of the tools offered to the model in this request.
 * @param {MessagesBody} body
 * @returns {string[]}
 */
export function toolNames(body) {
  return Array.isArray(body.tools) ? body.tools.map((tool) => tool.name) : [];
}

/**
 * The subagent id Claude Code puts on a subagent's requests (the same id hooks get as `agent_id`), or null.
 * @param {Record<string, string | string[] | undefined>} headers  lower-case names, as Node gives them
 * @returns {string | null}
 */
export function agentIdOf(headers) {
  const value = headers['x-claude-code-agent-id'];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

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
export function requestRole(body, headers = {}) {
  if (agentIdOf(headers) !== null || systemText(body).includes('cc_is_subagent=true')) return 'subagent';
  if (toolNames(body).length === 0) return 'side';
  return 'main';
}
