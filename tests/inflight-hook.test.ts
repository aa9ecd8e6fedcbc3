// In-flight compression through the built hook entry (a real process, a real store, the real CLI for
// `ctxkit show`): what Claude Code would get back, what is kept, and every way it must pass the original.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, readLog, runCtxkit, runHookProcess, withStore } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';

const OUTPUTS = new URL('./fixtures/inflight/outputs/', import.meta.url);
const NODE_TEST = readFileSync(new URL('real/node-test.txt', OUTPUTS), 'utf8');
const NPM_INSTALL = readFileSync(new URL('synthetic/npm-install.txt', OUTPUTS), 'utf8');

let dir: TestDir;
let vars: Record<string, string>;
beforeEach(() => {
  dir = testdir({ 'src/config.ts': 'export {}\n' });
  vars = { __ROOT__: dir.path, __TRANSCRIPT__: dir.join('transcript.jsonl') };
});
afterEach(() => dir.cleanup());

const quiet = { code: 0, stdout: '', stderr: '' };
let toolUse = 0;

function bash(command: string, stdout: string, extra: Record<string, unknown> = {}) {
  const base = fixture('post-tool-use.bash', vars);
  return { ...base, tool_use_id: `toolu_inflight_${++toolUse}`, tool_input: { command, description: 'run' }, tool_response: { stdout, stderr: '', interrupted: false, isImage: false, noOutputExpected: false, ...extra } };
}

function replacement(run: { code: number; stdout: string; stderr: string }) {
  expect(run.code).toBe(0);
  expect(run.stdout).not.toBe('');
  const output = JSON.parse(run.stdout);
  expect(output.hookSpecificOutput.hookEventName).toBe('PostToolUse');
  return output.hookSpecificOutput;
}

function showId(text: string): string {
  const match = /ctxkit show (\d+)/.exec(text.split('\n').at(-1) ?? '');
  expect(match, 'the last line names ctxkit show <id>').not.toBeNull();
  return match![1];
}

describe('in-flight compression in the PostToolUse hook', () => {
  it('replaces a failing test run: fields kept, failures and summary kept, original one command away, savings recorded', async () => {
    const payload = bash('node --test', NODE_TEST);
    const specific = replacement(runHookProcess('PostToolUse', payload, { root: dir.path }));
    const updated = specific.updatedToolOutput;
    expect(Object.keys(updated).sort()).toEqual(Object.keys(payload.tool_response).sort());
    expect(updated).toMatchObject({ stderr: '', interrupted: false, isImage: false, noOutputExpected: false });
    for (const fact of ['not ok 3 - rounds half to even', 'not ok 4 - parses negative exponent', 'not ok 5 - rejects empty input', '# fail 3', '# pass 70']) expect(updated.stdout).toContain(fact);
    expect(updated.stdout).not.toContain('ok 12 - adds 11 and 12');
    expect(updated.stdout.length).toBeLessThan(NODE_TEST.length / 3);

    const id = showId(updated.stdout);
    const shown = runCtxkit(['show', id], { cwd: dir.path });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(NODE_TEST);
    const grep = runCtxkit(['show', id, '--grep', '^not ok'], { cwd: dir.path });
    expect(grep.stdout.trim().split('\n')).toHaveLength(3);

    await withStore(dir.path, async (store) => {
      const rows = await store.usageTotals({});
      expect(rows.inflight.events).toBe(1);
      expect(rows.inflight.tokens).toBeGreaterThan(2000);
    });
  });

  it('leaves small outputs, CTXKIT_RAW=1 commands, excluded commands and immediate re-runs untouched', () => {
    expect(runHookProcess('PostToolUse', bash('ls', 'a.ts\nb.ts\n'), { root: dir.path })).toEqual(quiet);
    expect(runHookProcess('PostToolUse', bash('CTXKIT_RAW=1 node --test', NODE_TEST), { root: dir.path })).toEqual(quiet);
    dir.write('ctxkit.config.json', JSON.stringify({ inflight: { exclude: ['^npm install'] } }));
    expect(runHookProcess('PostToolUse', bash('npm install', NPM_INSTALL), { root: dir.path })).toEqual(quiet);
    // First run replaced, the same command again right after passes through.
    replacement(runHookProcess('PostToolUse', bash('node --test --test-reporter=tap', NODE_TEST), { root: dir.path }));
    expect(runHookProcess('PostToolUse', bash('node --test --test-reporter=tap', NODE_TEST), { root: dir.path })).toEqual(quiet);
  });

  it('does nothing with inflight.mode off or the tool switched off', () => {
    dir.write('ctxkit.config.json', JSON.stringify({ inflight: { mode: 'off' } }));
    expect(runHookProcess('PostToolUse', bash('node --test', NODE_TEST), { root: dir.path })).toEqual(quiet);
    dir.write('ctxkit.config.json', JSON.stringify({ inflight: { tools: { Bash: false } } }));
    expect(runHookProcess('PostToolUse', bash('node --test', NODE_TEST), { root: dir.path })).toEqual(quiet);
  });

  it('replaces a wide Grep and Glob, naming every file', () => {
    const files = Array.from({ length: 300 }, (_, i) => `src/module${i % 12}/part${i}.ts`);
    const glob = { ...fixture('post-tool-use.glob', vars), tool_use_id: 'toolu_glob_wide', tool_response: { filenames: files, durationMs: 5, numFiles: files.length, truncated: false } };
    const globOut = replacement(runHookProcess('PostToolUse', glob, { root: dir.path })).updatedToolOutput;
    expect(globOut).toMatchObject({ durationMs: 5, numFiles: 300, truncated: false });
    const listed = globOut.filenames.join('\n');
    for (const file of files) expect(listed).toContain(file.slice(file.lastIndexOf('/') + 1));

    const content = files.map((file, i) => `${file}:${i + 1}:export const value${i % 5} = compute(${i % 5});`).join('\n');
    const grep = { ...fixture('post-tool-use.grep', vars), tool_use_id: 'toolu_grep_wide', tool_response: { mode: 'content', numFiles: 0, filenames: [], content, numLines: files.length } };
    const grepOut = replacement(runHookProcess('PostToolUse', grep, { root: dir.path })).updatedToolOutput;
    expect(grepOut).toMatchObject({ mode: 'content', numFiles: 0, filenames: [], numLines: 300 });
    for (const file of files) expect(grepOut.content).toContain(file);
    expect(grepOut.content.length).toBeLessThan(content.length);
  });

  it('uses updatedMCPToolOutput for MCP tools and keeps non-text blocks', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: i, name: `item-${i}`, status: i === 217 ? 'error: quota exceeded' : 'ok', tags: ['a', 'b'] }));
    const payload = { ...fixture('post-tool-use.mcp', vars), tool_use_id: 'toolu_mcp_big', tool_response: [{ type: 'text', text: JSON.stringify(rows, null, 2) }, { type: 'image', data: 'AAAA', mimeType: 'image/png' }] };
    const specific = replacement(runHookProcess('PostToolUse', payload, { root: dir.path }));
    expect(specific.updatedToolOutput).toBeUndefined();
    const [text, image] = specific.updatedMCPToolOutput;
    expect(image).toEqual({ type: 'image', data: 'AAAA', mimeType: 'image/png' });
    expect(text.text).toContain('error: quota exceeded');
    expect(text.text.length).toBeLessThan(JSON.stringify(rows, null, 2).length / 4);
  });

  it('never fails on bad input: binary bytes, invalid UTF-8, ANSI and \\r progress, an unknown shape, a 10 MB output', () => {
    expect(runHookProcess('PostToolUse', bash('cat image.bin', `PNG\u0000\u0001\u0002${'\u0000abc'.repeat(4000)}`), { root: dir.path })).toEqual(quiet);
    expect(runHookProcess('PostToolUse', bash('cat latin1.txt', '\ufffd'.repeat(300) + 'caf\ufffd '.repeat(2000)), { root: dir.path })).toEqual(quiet);
    const progress = `${Array.from({ length: 300 }, (_, i) => `\r[${'#'.repeat(i % 40)}] ${i}%`).join('')}\n\u001b[31merror\u001b[0m: build failed at step 7\n${'\u001b[32mcompiled module\u001b[0m ok\n'.repeat(400)}done in 3.2s\n`;
    const ansi = replacement(runHookProcess('PostToolUse', bash('npm run build', progress), { root: dir.path })).updatedToolOutput.stdout;
    expect(ansi).toContain('error: build failed at step 7');
    expect(ansi).not.toContain('\u001b[');
    expect(ansi).not.toContain('\r');
    const unknown = { ...bash('node --test', ''), tool_response: { output: NODE_TEST } };
    expect(runHookProcess('PostToolUse', unknown, { root: dir.path })).toEqual(quiet);
    const line = 'build step output line with some words in it 0123456789\n';
    const big = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)) + 'FATAL: disk full on /dev/sda1\n';
    const out = replacement(runHookProcess('PostToolUse', bash('./build.sh', big), { root: dir.path })).updatedToolOutput.stdout;
    expect(out).toContain('FATAL: disk full on /dev/sda1');
    expect(out.length).toBeLessThan(5000);
    expect(readLog(dir.path).split('\n').filter((l) => l.includes('\terror\t'))).toEqual([]);
  });

  it('makes no replacement when the store cannot be written', () => {
    // `.ctxkit` is a file, so no store can be created under it (whoever runs the test, root included).
    dir.write('.ctxkit', 'not a folder');
    expect(runHookProcess('PostToolUse', bash('node --test', NODE_TEST), { root: dir.path })).toEqual(quiet);
  });

  it('makes no replacement when the original cannot be kept (larger than store.maxBlobMegabytes)', () => {
    dir.write('ctxkit.config.json', JSON.stringify({ store: { maxBlobMegabytes: 1 } }));
    const big = `${'compiled module ok\n'.repeat(70_000)}error: linker failed\n`;
    expect(runHookProcess('PostToolUse', bash('make', big), { root: dir.path })).toEqual(quiet);
  });

  it('reads an output Claude Code persisted to a file, and puts its digest first', () => {
    const full = `${Array.from({ length: 3000 }, (_, i) => `ok ${i + 1} - case ${i}`).join('\n')}\nnot ok 3001 - writes the ledger\n  error: 'ENOSPC: no space left on device'\n# tests 3001\n# pass 3000\n# fail 1\n`;
    const file = dir.write('home/.claude/projects/p/s/tool-results/b1.txt', full);
    const payload = bash('node --test', full.slice(0, 30000), { persistedOutputPath: file, persistedOutputSize: full.length });
    const updated = replacement(runHookProcess('PostToolUse', payload, { root: dir.path })).updatedToolOutput;
    expect(updated.persistedOutputPath).toBe(file);
    const preview = updated.stdout.slice(0, 2000);
    expect(preview.split('\n')[0]).toMatch(/ctxkit show \d+/);
    for (const fact of ['not ok 3001 - writes the ledger', 'ENOSPC', '# fail 1']) expect(preview).toContain(fact);
    const id = /ctxkit show (\d+)/.exec(updated.stdout)![1];
    expect(runCtxkit(['show', id], { cwd: dir.path }).stdout).toBe(full);
  });
});
