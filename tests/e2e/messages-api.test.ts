// The Messages API stand-in on its own: the official SDK must read its streams and JSON exactly as it reads the real
// API's, rules must route requests the way the e2e scripts rely on, and nothing may hang.
import Anthropic from '@anthropic-ai/sdk';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMessagesApi, type MessagesApi, type Script } from '../../scripts/messages-api/server.js';
import { validateScript } from '../../scripts/messages-api/script.js';
import { testdir } from '../helpers/testdir.js';

const SERVER = fileURLToPath(new URL('../../scripts/messages-api/server.js', import.meta.url));
const TOOLS = [{ name: 'Read', description: 'read a file', input_schema: { type: 'object' as const, properties: {} } }];

const open: MessagesApi[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()?.close();
});

async function start(script: Script): Promise<{ api: MessagesApi; client: Anthropic }> {
  const api = await startMessagesApi({ script });
  open.push(api);
  return { api, client: new Anthropic({ baseURL: api.url, apiKey: 'dummy', maxRetries: 0 }) };
}

function user(text: string) {
  return { role: 'user' as const, content: text };
}

/** Raw POST, for what the SDK hides (event names, status codes). */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'secret-value', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe('Messages API stand-in', () => {
  it('streams a text reply that the SDK assembles into the scripted message', async () => {
    const { api, client } = await start({ rules: [{ when: { lastUserTextIncludes: 'hello' }, reply: { text: 'Hello there, this reply is long enough to arrive in several deltas.' } }] });
    const message = await client.messages.stream({ model: 'any-model-id', max_tokens: 100, messages: [user('hello')], tools: TOOLS }).finalMessage();
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'any-model-id',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'Hello there, this reply is long enough to arrive in several deltas.' }],
    });
    expect(message.id).toMatch(/^msg_01[0-9A-Za-z]{22}$/);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(1);
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages', role: 'main', matched: 'rule 0', status: 200 });
  });

  it('streams parallel tool calls with their inputs and stop_reason tool_use', async () => {
    const { client } = await start({
      rules: [
        {
          reply: {
            text: 'Reading both.',
            toolUses: [
              { name: 'Read', id: 'toolu_a', input: { file_path: '/repo/a.ts' } },
              { name: 'Grep', input: { pattern: 'needle', path: '/repo', output_mode: 'content' } },
            ],
          },
        },
      ],
    });
    const message = await client.messages.stream({ model: 'm', max_tokens: 100, messages: [user('go')], tools: TOOLS }).finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      { type: 'text', text: 'Reading both.' },
      { type: 'tool_use', id: 'toolu_a', name: 'Read', input: { file_path: '/repo/a.ts' } },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_01[0-9A-Za-z]{22}$/), name: 'Grep', input: { pattern: 'needle', path: '/repo', output_mode: 'content' } },
    ]);
  });

  it('sends the events in the real API order', async () => {
    const { api } = await start({ default: { text: 'hi', toolUses: [{ name: 'Read', input: { file_path: '/x' } }] } });
    const { status, text } = await post(`${api.url}/v1/messages`, { model: 'm', max_tokens: 10, stream: true, messages: [user('x')] });
    expect(status).toBe(200);
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const first = JSON.parse(text.split('\n')[1].slice('data: '.length));
    expect(first.message).toMatchObject({ content: [], stop_reason: null });
    expect(text).toContain('"delta":{"stop_reason":"tool_use","stop_sequence":null}');
  });

  it('answers a non-streaming request with one JSON message', async () => {
    const { client } = await start({ default: { text: 'plain' } });
    const message = await client.messages.create({ model: 'm', max_tokens: 10, messages: [user('x')] });
    expect(message.content).toEqual([{ type: 'text', text: 'plain' }]);
    expect(message.stop_reason).toBe('end_turn');
  });

  it('gives the same ids to the same request sequence on every run', async () => {
    const script: Script = { default: { toolUses: [{ name: 'Read', input: { file_path: '/x' } }] } };
    const ids = [];
    for (let run = 0; run < 2; run += 1) {
      const { client } = await start(script);
      const message = await client.messages.create({ model: 'm', max_tokens: 10, messages: [user('x')] });
      ids.push([message.id, message.content[0].type === 'tool_use' ? message.content[0].id : '']);
    }
    expect(ids[0]).toEqual(ids[1]);
  });

  it('routes by tool result, subagent marker, side request and rule budget', async () => {
    const { api, client } = await start({
      rules: [
        { name: 'after-read', when: { toolResultFor: 'toolu_r' }, reply: { text: 'read done' } },
        { name: 'sub', when: { isSubagent: true }, reply: { text: 'subagent answer' } },
        { name: 'once', times: 1, when: { isSubagent: false, lastUserTextIncludes: 'start' }, reply: { text: 'first start' } },
      ],
      default: { text: 'default answer' },
    });
    const ask = async (body: Partial<Anthropic.MessageCreateParamsNonStreaming>, headers: Record<string, string> = {}) => {
      const message = await client.messages.create(
        { model: 'm', max_tokens: 10, tools: TOOLS, messages: [user('x')], ...body },
        { headers },
      );
      return message.content[0].type === 'text' ? message.content[0].text : '';
    };
    expect(await ask({ messages: [user('start')] })).toBe('first start');
    expect(await ask({ messages: [user('start')] })).toBe('default answer');
    expect(
      await ask({
        messages: [
          user('start'),
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_r', name: 'Read', input: {} }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_r', content: 'file text' }] },
        ],
      }),
    ).toBe('read done');
    expect(await ask({ messages: [user('task')] }, { 'x-claude-code-agent-id': 'a123' })).toBe('subagent answer');
    expect(await ask({ system: 'x-anthropic-billing-header: cc_is_subagent=true;', messages: [user('task')] })).toBe('subagent answer');
    // No tools offered: a side request (titles, probes). isSubagent:false does not catch it.
    expect(await ask({ tools: undefined, messages: [user('start')] })).toBe('default answer');
    expect(api.messageRequests().map((request) => [request.role, request.agentId, request.matched])).toEqual([
      ['main', null, 'once'],
      ['main', null, null],
      ['main', null, 'after-read'],
      ['subagent', 'a123', 'sub'],
      ['subagent', null, 'sub'],
      ['side', null, null],
    ]);
  });

  it('returns a scripted API error with its status', async () => {
    const { api, client } = await start({ default: { error: { status: 429, type: 'rate_limit_error', message: 'slow down' } } });
    const error = await client.messages.create({ model: 'm', max_tokens: 10, messages: [user('x')] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(String((error as Error).message)).toContain('slow down');
    expect(api.requests[0].status).toBe(429);
  });

  it('answers the other startup calls at once and records every request without secrets', async () => {
    const { api, client } = await start({});
    expect((await client.messages.countTokens({ model: 'm', messages: [user('count these words')] })).input_tokens).toBeGreaterThan(0);
    expect((await fetch(`${api.url}/`, { method: 'HEAD' })).status).toBe(200);
    const missing = await fetch(`${api.url}/api/oauth/profile`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect((await post(`${api.url}/v1/messages`, { nope: true })).status).toBe(400);
    expect(api.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'POST /v1/messages/count_tokens 200',
      'HEAD / 200',
      'GET /api/oauth/profile 404',
      'POST /v1/messages 400',
    ]);
    expect(api.requests[3].headers['x-api-key']).toBe('[redacted]');
    expect(JSON.stringify(api.requests)).not.toContain('secret-value');
    expect(api.requests[0].body).toMatchObject({ messages: [{ role: 'user', content: 'count these words' }] });
  });

  it('refuses and records requests meant for other hosts when used as a proxy', async () => {
    const { api } = await start({});
    const viaProxy = (options: { method: string; path: string }) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: api.port, ...options });
        req.on('connect', (response, socket) => {
          socket.destroy();
          resolve(response.statusCode ?? 0);
        });
        req.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await viaProxy({ method: 'CONNECT', path: 'api.example.com:443' })).toBe(502);
    expect(await viaProxy({ method: 'GET', path: 'http://example.com/feature-flags' })).toBe(502);
    expect(api.outsideRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'CONNECT api.example.com:443',
      'GET http://example.com/feature-flags',
    ]);
  });

  it('rejects a script with an unknown condition or an empty reply', () => {
    expect(() => validateScript({ rules: [{ when: { lastUserText: 'x' }, reply: { text: 'y' } }] })).toThrow(/unknown condition "lastUserText"/);
    expect(() => validateScript({ rules: [{ reply: {} }] })).toThrow(/expected text, toolUses or error/);
    expect(() => validateScript({ rule: [] })).toThrow(/unexpected key "rule"/);
  });

  it('runs from the command line, prints its URL and appends requests to a record file', async () => {
    const dir = testdir({ 'script.json': JSON.stringify({ default: { text: 'from the CLI' } }) });
    try {
      const child = spawn(process.execPath, [SERVER, '--script', dir.join('script.json'), '--record', dir.join('requests.jsonl')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new Anthropic({ baseURL: url, apiKey: 'dummy', maxRetries: 0 });
      const message = await client.messages.create({ model: 'm', max_tokens: 10, messages: [user('x')] });
      expect(message.content).toEqual([{ type: 'text', text: 'from the CLI' }]);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const { readFileSync } = await import('node:fs');
      const lines = readFileSync(dir.join('requests.jsonl'), 'utf8').trim().split('\n');
      expect(lines.map((line) => JSON.parse(line).path)).toEqual(['/v1/messages']);
    } finally {
      dir.cleanup();
    }
  });
});
