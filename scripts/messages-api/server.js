#!/usr/bin/env node
// @ts-check
// A local stand-in for the Anthropic Messages API, for running the real Claude Code CLI offline in tests and the
// demo: scripted replies (text, tool calls, parallel tool calls, errors), streamed as the real API streams them, and
// a record of every request. See docs/e2e.md.
import { readFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { buildMessage, deterministicId, messageEvents, roughTokens } from './build-message.js';
import { agentIdOf, requestRole } from './inspect-request.js';
import { selectReply, validateScript } from './script.js';

/**
 * @typedef {import('./script.js').Script} Script
 * @typedef {import('./inspect-request.js').MessagesBody} MessagesBody
 *
 * @typedef {object} RecordedRequest
 * @property {number} sequence  1-based, in arrival order
 * @property {string} method
 * @property {string} path  without the query string
 * @property {string} query  the query string without `?` ('' when none)
 * @property {Record<string, string | string[] | undefined>} headers  credentials (x-api-key, authorization) replaced by "[redacted]"
 * @property {any} body  the parsed JSON body, or the raw text when it is not JSON, or null when empty
 * @property {'main' | 'subagent' | 'side' | null} role  for POST /v1/messages: who sent it (see requestRole)
 * @property {string | null} agentId  for a subagent's request: its id (the `agent_id` its hooks get)
 * @property {string | null} matched  name of the rule that answered, null for the default reply or other paths
 * @property {number} status  HTTP status sent back
 * @property {boolean} outside  the request was meant for another host and came through the stand-in as a proxy
 *   (CONNECT or an absolute URL): the harness points HTTP(S)_PROXY here so that any outside call shows up
 *
 * @typedef {object} MessagesApi
 * @property {string} url  base URL for ANTHROPIC_BASE_URL, e.g. http://127.0.0.1:43123
 * @property {number} port
 * @property {RecordedRequest[]} requests  every request so far, in order (live array)
 * @property {() => RecordedRequest[]} messageRequests  only the POST /v1/messages requests
 * @property {() => RecordedRequest[]} outsideRequests  requests meant for another host (refused with 502)
 * @property {() => Promise<void>} close
 */

const SECRET_HEADERS = new Set(['x-api-key', 'authorization', 'proxy-authorization', 'cookie']);

/** Above this many model requests every reply is the default one: a script that loops ends instead of spinning. */
const MAX_MODEL_REQUESTS = 200;

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function redactHeaders(headers) {
  /** @type {Record<string, string | string[] | undefined>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.has(name) ? '[redacted]' : value;
  return out;
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * @param {number} status
 * @param {string} type
 * @param {string} message
 */
function errorBody(status, type, message) {
  return { type: 'error', error: { type, message }, request_id: deterministicId('req', `${status}:${message}`) };
}

/**
 * Start the stand-in on 127.0.0.1.
 * @param {{script: Script, port?: number, recordFile?: string}} options  `port` 0 or absent = a free port;
 *   `recordFile` = also append each recorded request to this file as one JSON line
 * @returns {Promise<MessagesApi>}
 */
export async function startMessagesApi({ script, port = 0, recordFile }) {
  const checked = validateScript(script);
  /** @type {RecordedRequest[]} */
  const requests = [];
  /** @type {number[]} */
  const uses = [];
  let modelRequests = 0;
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();

  const server = createServer((request, response) => {
    /** @type {Buffer[]} */
    const parts = [];
    request.on('data', (part) => parts.push(part));
    request.on('error', () => response.destroy());
    request.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      const [path, query = ''] = (request.url ?? '/').split('?');
      let body = null;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      /** @type {RecordedRequest} */
      const record = {
        sequence: requests.length + 1,
        method: request.method ?? 'GET',
        path,
        query,
        headers: redactHeaders(request.headers),
        body,
        role: null,
        agentId: null,
        matched: null,
        status: 200,
        outside: /^[a-z]+:\/\//i.test(path),
      };
      requests.push(record);
      try {
        answer(record, response);
      } catch (error) {
        record.status = 500;
        sendJson(response, 500, errorBody(500, 'api_error', `stand-in failed: ${String(error)}`));
      }
      if (recordFile) appendFileSync(recordFile, `${JSON.stringify(record)}\n`);
    });
  });

  /**
   * @param {RecordedRequest} record
   * @param {import('node:http').ServerResponse} response
   */
  function answer(record, response) {
    const { method, path, body } = record;
    if (record.outside) {
      record.status = 502;
      sendJson(response, 502, errorBody(502, 'api_error', `outside hosts are not reachable from tests: ${path}`));
      return;
    }
    if (method === 'HEAD') {
      response.writeHead(200);
      response.end();
      return;
    }
    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      sendJson(response, 200, { input_tokens: roughTokens(JSON.stringify(body ?? '')) });
      return;
    }
    if (method === 'POST' && path === '/v1/messages') {
      if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) {
        record.status = 400;
        sendJson(response, 400, errorBody(400, 'invalid_request_error', 'messages: Field required'));
        return;
      }
      answerMessages(record, /** @type {MessagesBody} */ (body), response);
      return;
    }
    if (method === 'GET' && path === '/v1/models') {
      sendJson(response, 200, { data: [], has_more: false, first_id: null, last_id: null });
      return;
    }
    // Anything else Claude Code may probe (OAuth profile, feature flags, ...): a well-formed "not here", never a hang.
    record.status = 404;
    sendJson(response, 404, errorBody(404, 'not_found_error', `${method} ${path} is not served by the stand-in`));
  }

  /**
   * @param {RecordedRequest} record
   * @param {MessagesBody} body
   * @param {import('node:http').ServerResponse} response
   */
  function answerMessages(record, body, response) {
    modelRequests += 1;
    record.role = requestRole(body, record.headers);
    record.agentId = agentIdOf(record.headers);
    const picked =
      modelRequests > MAX_MODEL_REQUESTS
        ? { reply: { text: `stand-in: more than ${MAX_MODEL_REQUESTS} model requests; ending.` }, ruleIndex: null, name: null }
        : selectReply(checked, body, uses, record.headers);
    if (picked.ruleIndex !== null) uses[picked.ruleIndex] = (uses[picked.ruleIndex] ?? 0) + 1;
    record.matched = picked.name;
    const requestId = deterministicId('req', `req:${record.sequence}`);
    const { error } = picked.reply;
    if (error) {
      record.status = error.status;
      sendJson(response, error.status, errorBody(error.status, error.type, error.message), { 'request-id': requestId });
      return;
    }
    const message = buildMessage(picked.reply, {
      model: typeof body.model === 'string' ? body.model : 'claude-sonnet-4-5',
      sequence: record.sequence,
      inputTokens: roughTokens(JSON.stringify([body.system ?? '', body.messages, body.tools ?? []])),
    });
    if (body.stream !== true) {
      sendJson(response, 200, message, { 'request-id': requestId });
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': requestId,
    });
    for (const event of messageEvents(message)) response.write(event);
    response.end();
  }

  // A CONNECT is an HTTPS request for another host sent through us as a proxy: record it and refuse at once.
  server.on('connect', (request, socket) => {
    const record = {
      sequence: requests.length + 1,
      method: 'CONNECT',
      path: request.url ?? '',
      query: '',
      headers: redactHeaders(request.headers),
      body: null,
      role: null,
      agentId: null,
      matched: null,
      status: 502,
      outside: true,
    };
    requests.push(record);
    if (recordFile) appendFileSync(recordFile, `${JSON.stringify(record)}\n`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stand-in: no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    messageRequests: () => requests.filter((record) => record.method === 'POST' && record.path === '/v1/messages'),
    outsideRequests: () => requests.filter((record) => record.outside),
    close: () =>
      new Promise((resolve) => {
        // Keep-alive sockets would hold close() open; a test must never wait on them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * CLI: `node scripts/messages-api/server.js --script file.json [--port N] [--record requests.jsonl]`
 * prints the base URL on stdout and serves until killed.
 * @param {string[]} argv
 */
async function main(argv) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    args: argv,
    options: { script: { type: 'string' }, port: { type: 'string' }, record: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.script) {
    process.stderr.write('usage: node scripts/messages-api/server.js --script file.json [--port N] [--record requests.jsonl]\n');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const script = JSON.parse(readFileSync(values.script, 'utf8'));
  const api = await startMessagesApi({ script, port: values.port ? Number(values.port) : 0, recordFile: values.record });
  process.stdout.write(`${api.url}\n`);
  const stop = () => void api.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
