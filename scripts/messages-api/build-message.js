// @ts-check
// A scripted reply becomes an Anthropic Messages API `message` object, and a message becomes the server-sent events
// the real API streams for it. Pure: ids come from the caller's sequence numbers, so a run is reproducible.
import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An id shaped like the real API's (`msg_01` / `toolu_01` + 22 base62 characters), derived from `seed`.
 * @param {'msg' | 'toolu' | 'req'} prefix
 * @param {string} seed
 */
export function deterministicId(prefix, seed) {
  const digest = createHash('sha256').update(seed).digest();
  let tail = '';
  for (let index = 0; index < 22; index += 1) tail += BASE62[digest[index] % 62];
  return `${prefix}_01${tail}`;
}

/**
 * Rough token count for usage numbers (about 4 characters a token, as the API's English text averages).
 * @param {string} text
 */
export function roughTokens(text) {
  return Math.max(1, Math.ceil(text.length / 4));
}

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
export function buildMessage(reply, { model, sequence, inputTokens }) {
  /** @type {OutBlock[]} */
  const content = [];
  if (reply.text !== undefined) content.push({ type: 'text', text: reply.text });
  (reply.toolUses ?? []).forEach((use, index) => {
    content.push({
      type: 'tool_use',
      id: use.id ?? deterministicId('toolu', `tool:${sequence}:${index}`),
      name: use.name,
      input: use.input,
    });
  });
  const stopReason = reply.stopReason ?? (reply.toolUses?.length ? 'tool_use' : 'end_turn');
  const outputText = content.map((block) => (block.type === 'text' ? block.text : JSON.stringify(block.input))).join('');
  return {
    id: deterministicId('msg', `msg:${sequence}`),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: {
      input_tokens: inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: roughTokens(outputText) + 3 * content.length,
      service_tier: 'standard',
    },
  };
}

/**
 * Split a string into pieces of at most `size` characters (deltas arrive in small pieces on the real API).
 * @param {string} text
 * @param {number} size
 */
function chunks(text, size) {
  const pieces = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/**
 * One server-sent event in the API's framing.
 * @param {string} event
 * @param {unknown} data
 */
function sse(event, data) {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The event stream the real API sends for `message` when the request says `stream: true`: message_start (empty
 * content, stop_reason null), per block content_block_start / ..._delta / ..._stop, then message_delta with the stop
 * reason and final output usage, then message_stop.
 * @param {ApiMessage} message
 * @returns {string[]}
 */
export function messageEvents(message) {
  const events = [
    sse('message_start', {
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...message.usage, output_tokens: 1 },
      },
    }),
    sse('ping', { type: 'ping' }),
  ];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(sse('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
      for (const piece of chunks(block.text, 24)) {
        events.push(sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }));
      }
    } else {
      events.push(
        sse('content_block_start', {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        }),
      );
      events.push(sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } }));
      for (const piece of chunks(JSON.stringify(block.input), 32)) {
        events.push(
          sse('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }),
        );
      }
    }
    events.push(sse('content_block_stop', { type: 'content_block_stop', index }));
  });
  events.push(
    sse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: null },
      usage: { output_tokens: message.usage.output_tokens },
    }),
  );
  events.push(sse('message_stop', { type: 'message_stop' }));
  return events;
}
