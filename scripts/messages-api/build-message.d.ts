/**
 * An id shaped like the real API's (`msg_01` / `toolu_01` + 22 base62 characters), derived from `seed`.
 * @param {'msg' | 'toolu' | 'req'} prefix
 * @param {string} seed
 */
export function deterministicId(prefix: "msg" | "toolu" | "req", seed: string): string;
/**
 * Rough token count for usage numbers (about 4 characters a token, as the API's English text averages).
 * @param {string} text
 */
export function roughTokens(text: string): number;
/**
 * @typedef {import('./script.js').Reply} Reply
 * @typedef {{type: 'text', text: string} | {type: 'tool_use', id: string, name: string, input: Record<string, unknown>}} OutBlock
 * @typedef {{input_tokens: number, cache_creation_input_tokens: number, cache_read_input_tokens: number, output_tokens: number, service_tier: string}} Usage
 * @typedef {{id: string, type: 'message', role: 'assistant', model: string, content: OutBlock[], stop_reason: string, stop_sequence: null, usage: Usage}} ApiMessage
 */
/**
 * Build the assistant message answering a request.
 * @param {Reply} reply
 * @param {{model: string, sequence: number, inputTokens: number}} context  `sequence` is the request's number in
 *   this server's life; it seeds the ids
 * @returns {ApiMessage}
 */
export function buildMessage(reply: Reply, { model, sequence, inputTokens }: {
    model: string;
    sequence: number;
    inputTokens: number;
}): ApiMessage;
/**
 * The event stream the real API sends for `message` when the request says `stream: true`: message_start (empty
 * content, stop_reason null), per block content_block_start / ..._delta / ..._stop, then message_delta with the stop
 * reason and final output usage, then message_stop.
 * @param {ApiMessage} message
 * @returns {string[]}
 */
export function messageEvents(message: ApiMessage): string[];
export type Reply = import("./script.js").Reply;
export type OutBlock = {
    type: "text";
    text: string;
} | {
    type: "tool_use";
    id: string;
    name: string;
    input: Record<string, unknown>;
};
export type Usage = {
    input_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
    output_tokens: number;
    service_tier: string;
};
export type ApiMessage = {
    id: string;
    type: "message";
    role: "assistant";
    model: string;
    content: OutBlock[];
    stop_reason: string;
    stop_sequence: null;
    usage: Usage;
};
