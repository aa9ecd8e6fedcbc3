import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { runCli, runCliAsync } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const SESSION = '44444444-dddd-4000-8000-000000000004';
// 30 exports over 150 lines: the capture-time cut keeps the first and the last few only.
const ORDERS = Array.from({ length: 30 }, (_, i) => `export function orderTotal${i}(order: Order): number {\n  const lines = order.lines.map((line) => line.price * line.quantity);\n  return lines.reduce((a, b) => a + b, ${i});\n}\n`).join('\n');

let dir: TestDir;
beforeEach(() => {
  dir = testdir({ 'src/orders.ts': ORDERS });
});
afterEach(() => dir.cleanup());

function readOrders(toolUseId: string) {
  const payload = {
    session_id: SESSION,
    cwd: dir.path,
    transcript_path: dir.join('t.jsonl'),
    hook_event_name: 'PostToolUse',
    tool_name: 'Read',
    tool_input: { file_path: dir.join('src/orders.ts') },
    tool_response: { type: 'text', file: { filePath: dir.join('src/orders.ts'), content: ORDERS, numLines: 150, startLine: 1, totalLines: 150 } },
    tool_use_id: toolUseId,
  };
  expect(runHookProcess('PostToolUse', payload, { root: dir.path })).toMatchObject({ code: 0, stdout: '' });
}

async function methodOf(toolUseId: string): Promise<{ summary: string; method: unknown }> {
  return withStore(dir.path, async (store) => {
    const [found] = (await store.find({ includeStale: true, limit: 50 })).filter((d) => d.toolUseId === toolUseId);
    const row = store.database.prepare('SELECT summary_method FROM discoveries WHERE id = ?').get(found.id) as { summary_method: unknown };
    return { summary: found.summary, method: row.summary_method };
  });
}

describe('ctxkit refine', () => {
  it('refines every waiting summary with the content reducers, then has nothing left to do', async () => {
    readOrders('toolu_orders');
    expect(runCli(['refine', '--json'], { cwd: dir.path })).toMatchObject({ code: 0, stdout: '{"reduced":1,"kept":0,"modelSummaries":0,"modelRejected":0}\n' });
    const refined = await methodOf('toolu_orders');
    expect(refined.method).toBe('code');
    expect(refined.summary).toMatch(/export function orderTotal15\b/);
    expect(runCli(['refine'], { cwd: dir.path }).stdout).toBe('Refined 0 summaries with the content reducers (0 kept as they were).\n');
  });

  it('--llm keeps a model summary only when it names nothing the original lacks, and records what each call cost', async () => {
    const { startMessagesApi } = await import('../scripts/messages-api/server.js');
    dir.write('ctxkit.config.json', JSON.stringify({ llm: { enabled: true } }));
    readOrders('toolu_good');
    let api = await startMessagesApi({ script: { default: { text: 'orderTotal0 to orderTotal29 each sum the order lines.' } } });
    try {
      const run = await runCliAsync(['refine', '--llm', '--json'], { cwd: dir.path, env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url } });
      expect(run.stdout).toBe('{"reduced":1,"kept":0,"modelSummaries":1,"modelRejected":0}\n');
      expect(api.messageRequests()).toHaveLength(1);
    } finally {
      await api.close();
    }
    expect(await methodOf('toolu_good')).toEqual({ summary: 'orderTotal0 to orderTotal29 each sum the order lines.', method: 'llm' });

    readOrders('toolu_bad');
    api = await startMessagesApi({ script: { default: { text: 'src/orders.ts exports computeInvoiceTax and orderTotal0.' } } });
    try {
      const run = await runCliAsync(['refine', '--llm'], { cwd: dir.path, env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url } });
      expect(run.stdout).toContain('0 model summaries kept, 1 rejected');
    } finally {
      await api.close();
    }
    const rejected = await methodOf('toolu_bad');
    expect(rejected.method).toBe('llm-rejected');
    expect(rejected.summary).not.toContain('computeInvoiceTax');
    await withStore(dir.path, async (store) => expect((await store.usageTotals({ sessionId: SESSION }))['llm-summary']?.events).toBe(2));
  });

  it('SessionStart starts it in the background when llm is enabled, and the model summary lands', async () => {
    const { startMessagesApi } = await import('../scripts/messages-api/server.js');
    dir.write('ctxkit.config.json', JSON.stringify({ llm: { enabled: true } }));
    readOrders('toolu_background');
    const api = await startMessagesApi({ script: { default: { text: 'orderTotal0 to orderTotal29 sum order lines.' } } });
    try {
      const env = { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url };
      const start = runHookProcess('SessionStart', { session_id: SESSION, cwd: dir.path, transcript_path: dir.join('t.jsonl'), hook_event_name: 'SessionStart', source: 'startup' }, { root: dir.path, env });
      expect(start.code).toBe(0);
      const until = Date.now() + 20_000;
      while ((await methodOf('toolu_background')).method !== 'llm' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await methodOf('toolu_background')).toEqual({ summary: 'orderTotal0 to orderTotal29 sum order lines.', method: 'llm' });
    } finally {
      await api.close();
    }
  });
});
