import { afterEach, describe, expect, it } from 'vitest';
import { startMessagesApi, type MessagesApi } from '../../scripts/messages-api/server.js';
import { reduceLog } from './log.js';
import { llmSettings, summarizeWithLlm } from './llm-summary.js';

const LOG = [
  '$ npm test',
  ...Array.from({ length: 120 }, (_, i) => `PASS src/case${i}.test.ts`),
  'FAIL src/store/open.test.ts',
  '  TypeError: db.prepare is not a function at src/store/open.ts:41:12',
  'Tests: 1 failed, 120 passed',
].join('\n');

let api: MessagesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function summarize(reply: string) {
  api = await startMessagesApi({ script: { default: { text: reply } } });
  const extractive = reduceLog(LOG, { budgetTokens: 80 });
  const result = await summarizeWithLlm(LOG, { model: 'claude-haiku-4-5', apiKey: 'test-key', baseURL: api.url, extractive });
  return { result, extractive, requests: api.messageRequests() };
}

describe('summarizeWithLlm', () => {
  it('accepts a faithful summary and asks for identifiers verbatim', async () => {
    const reply = '1 test failed: src/store/open.test.ts, TypeError db.prepare is not a function at src/store/open.ts:41:12; 120 passed.';
    const { result, requests } = await summarize(reply);
    expect(result.source).toBe('llm');
    expect(result.text).toBe(reply);
    expect(result.kind).toBe('log');
    expect(requests).toHaveLength(1);
    const body = requests[0].body as { model: string; system: string; messages: { content: string }[] };
    expect(body.model).toBe('claude-haiku-4-5');
    expect(body.system).toContain('Keep identifiers, file paths, error codes and numbers verbatim');
    expect(body.messages[0].content).toContain('FAIL src/store/open.test.ts');
  });

  it('rejects a summary that invents a path and keeps the extractive one', async () => {
    const { result, extractive } = await summarize('1 test failed in src/db/connection.ts: db.prepare is not a function.');
    expect(result.source).toBe('extractive');
    expect(result.text).toBe(extractive.text);
    expect(result.unsupported).toEqual(['src/db/connection.ts']);
    expect(result.rejectedBecause).toMatch(/absent from the source/);
  });

  it('falls back when the model cannot be reached', async () => {
    const extractive = reduceLog(LOG, { budgetTokens: 80 });
    const result = await summarizeWithLlm(LOG, { model: 'm', apiKey: 'k', baseURL: 'http://127.0.0.1:9', extractive, timeoutMs: 2000 });
    expect(result.source).toBe('extractive');
    expect(result.rejectedBecause).toMatch(/model request failed/);
  });
});

describe('llmSettings', () => {
  it.each([
    [{ enabled: false, model: 'm' }, { ANTHROPIC_API_KEY: 'k' }, undefined],
    [{ enabled: true, model: 'm' }, {}, undefined],
    [{ enabled: true, model: 'm' }, { ANTHROPIC_API_KEY: 'k' }, { model: 'm', apiKey: 'k' }],
    [{ enabled: true, model: 'm' }, { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:1' }, { model: 'm', apiKey: 'k', baseURL: 'http://127.0.0.1:1' }],
  ])('%j with %j', (llm, env, expected) => {
    expect(llmSettings(llm, env)).toEqual(expected);
  });
});
