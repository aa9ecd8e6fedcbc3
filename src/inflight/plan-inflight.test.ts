import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/defaults.js';
import { planInflight, type InflightInput } from './plan-inflight.js';
import { readToolOutput } from './tool-output.js';

const NODE_TEST = readFileSync(new URL('../../tests/fixtures/inflight/outputs/real/node-test.txt', import.meta.url), 'utf8');
const config = defaultConfig.inflight;
const bash = (command: string, stdout: string, extra: Partial<InflightInput> = {}): InflightInput => ({
  toolName: 'Bash',
  toolInput: { command },
  toolResponse: { stdout, stderr: '', interrupted: false, isImage: false, noOutputExpected: false },
  config,
  ...extra,
});

describe('planInflight', () => {
  it('replaces a large test output: same fields, the last line names ctxkit show <id>', async () => {
    const plan = await planInflight(bash('node --test', NODE_TEST));
    expect(plan).toMatchObject({ type: 'replace', family: 'test', outputKey: 'updatedToolOutput', persisted: false });
    if (plan.type !== 'replace') return;
    const { response, tokensAfter } = plan.render(42);
    expect(response).toMatchObject({ stderr: '', interrupted: false, isImage: false, noOutputExpected: false });
    const stdout = (response as { stdout: string }).stdout;
    expect(stdout.split('\n').at(-1)).toMatch(/^\[ctxkit: test output reduced from ~\d+ to ~\d+ tokens\. Full output: ctxkit show 42 /);
    expect(tokensAfter).toBeLessThan(plan.tokensBefore / 4);
  });

  it.each([
    ['inflight.mode is off', bash('node --test', NODE_TEST, { config: { ...config, mode: 'off' } })],
    ['inflight.tools.Bash is off', bash('node --test', NODE_TEST, { config: { ...config, tools: { ...config.tools, Bash: false } } })],
    ['inflight.tools.Read is off', { ...bash('', ''), toolName: 'Read', toolResponse: { type: 'text', file: { content: NODE_TEST } } }],
    ['CTXKIT_RAW=1 command', bash('CTXKIT_RAW=1 node --test', NODE_TEST)],
    ['CTXKIT_RAW=1 command', bash('cd app && CTXKIT_RAW=1 npm test', NODE_TEST)],
    ['CTXKIT_RAW=1 in the environment', bash('node --test', NODE_TEST, { env: { CTXKIT_RAW: '1' } })],
    ['command matches inflight.exclude', bash('node --test', NODE_TEST, { config: { ...config, exclude: ['--test$'] } })],
    ['under inflight.minTokens', bash('node --test', NODE_TEST, { config: { ...config, minTokens: 50_000 } })],
    ['binary or non-UTF-8 output', bash('cat a.bin', `\u0000${NODE_TEST}`)],
    ['unknown tool response shape', { ...bash('x', ''), toolResponse: { output: NODE_TEST } }],
    ['persisted output could not be read', bash('node --test', NODE_TEST, { toolResponse: { stdout: NODE_TEST, stderr: '', persistedOutputPath: '/x/tool-results/a.txt' } })],
    ['reduction saves too little', { ...bash('', ''), toolName: 'Glob', toolResponse: { filenames: Array.from({ length: 600 }, (_, i) => `dir${i}/file${(i * 7919).toString(36)}.ts`), numFiles: 600 } }],
  ])('passes the original through: %s', async (reason, input) => {
    expect(await planInflight(input)).toEqual({ type: 'pass', reason });
  });

  it('reads every tool response shape it knows, and only those', () => {
    expect(readToolOutput('Glob', {}, { filenames: ['a.ts', 'b.ts'], numFiles: 2 })!.replace('x\ny')).toEqual({ filenames: ['x', 'y'], numFiles: 2 });
    expect(readToolOutput('Grep', {}, { mode: 'content', content: 'a:1:x', numLines: 1 })!.replace('r')).toEqual({ mode: 'content', content: 'r', numLines: 1 });
    expect(readToolOutput('WebFetch', {}, { code: 200, result: 'page' })!.replace('r')).toEqual({ code: 200, result: 'r' });
    expect(readToolOutput('Read', { file_path: 'a' }, { type: 'text', file: { filePath: 'a', content: 'c', numLines: 1 } })!.replace('r')).toEqual({ type: 'text', file: { filePath: 'a', content: 'r', numLines: 1 } });
    expect(readToolOutput('Read', { file_path: 'a', offset: 10 }, { type: 'text', file: { content: 'c' } })).toBeUndefined();
    expect(readToolOutput('mcp__db__query', {}, { content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], isError: false })!.replace('r')).toEqual({ content: [{ type: 'text', text: 'r' }], isError: false });
    expect(readToolOutput('Bash', {}, { stdout: 1 })).toBeUndefined();
    expect(readToolOutput('Bash', {}, { stdout: 'x', isImage: true })).toBeUndefined();
    expect(readToolOutput('Edit', {}, { stdout: 'x' })).toBeUndefined();
    expect(readToolOutput('Glob', {}, 'a.ts')).toBeUndefined();
  });
});
