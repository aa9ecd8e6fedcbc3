import { describe, expect, it } from 'vitest';
import { planCapture } from './plan-capture.js';

describe('planCapture', () => {
  it('Read: path, text and no range for a whole file', () => {
    const plan = planCapture('Read', { file_path: '/p/a.txt' }, { type: 'text', file: { filePath: '/p/a.txt', content: 'hello\n', numLines: 2, startLine: 1, totalLines: 2 } });
    expect(plan).toMatchObject({ type: 'discovery', kind: 'file', key: '/p/a.txt', path: '/p/a.txt', text: 'hello\n', range: undefined });
  });

  it('Read: a range for offset/limit', () => {
    const plan = planCapture('Read', { file_path: '/p/a.ts', offset: 10, limit: 5 }, { type: 'text', file: { filePath: '/p/a.ts', content: 'a\nb\nc\nd\ne', numLines: 5, startLine: 10, totalLines: 100 } });
    expect(plan).toMatchObject({ range: { start: 10, end: 14 } });
  });

  it('Read: an image keeps no bytes', () => {
    const plan = planCapture('Read', { file_path: '/p/a.png' }, { type: 'image', file: { base64: 'AAAA', type: 'image/png' } });
    expect(plan).toMatchObject({ kind: 'file', text: '[image /p/a.png]' });
  });

  it('Grep content mode keeps the content and the path in the key', () => {
    const plan = planCapture('Grep', { pattern: 'foo', path: 'src' }, { mode: 'content', filenames: [], content: 'src/a.ts:1:foo', numFiles: 1, numLines: 1 });
    expect(plan).toMatchObject({ kind: 'search', key: 'foo in src', text: 'src/a.ts:1:foo', meta: { mode: 'content', numLines: 1 } });
  });

  it('Grep files mode lists the files', () => {
    const plan = planCapture('Grep', { pattern: 'foo' }, { mode: 'files_with_matches', filenames: ['a.ts', 'b.ts'], numFiles: 2 });
    expect(plan).toMatchObject({ key: 'foo', text: 'a.ts\nb.ts' });
  });

  it('Glob lists the files', () => {
    const plan = planCapture('Glob', { pattern: '**/*.ts' }, { filenames: ['a.ts'], durationMs: 3, numFiles: 1, truncated: false });
    expect(plan).toMatchObject({ kind: 'search', key: '**/*.ts', text: 'a.ts', meta: { tool: 'Glob', numFiles: 1 } });
  });

  it('Bash keeps stdout, stderr and the exit status', () => {
    const plan = planCapture('Bash', { command: 'npm test' }, { stdout: 'ok', stderr: 'warn', interrupted: false, isImage: false });
    expect(plan).toMatchObject({ kind: 'command', key: 'npm test', text: 'ok', stderr: 'warn', meta: { exitCode: 0, interrupted: false } });
  });

  it('WebFetch and WebSearch', () => {
    expect(planCapture('WebFetch', { url: 'https://example.com', prompt: 'p' }, { result: 'page', code: 200, bytes: 4 })).toMatchObject({ kind: 'web', key: 'https://example.com', text: 'page' });
    const search = planCapture('WebSearch', { query: 'q' }, { query: 'q', results: [{ tool_use_id: 't', content: [{ title: 'T', url: 'https://example.com' }] }, 'note'] });
    expect(search).toMatchObject({ kind: 'web', key: 'q', text: 'T https://example.com\nnote' });
  });

  it('Agent: task prompt and report text', () => {
    const plan = planCapture('Agent', { description: 'find x', prompt: 'Find where x is defined', subagent_type: 'Explore' }, { status: 'completed', agentId: 'a1', content: [{ type: 'text', text: 'x is in src/x.ts' }], totalTokens: 10 });
    expect(plan).toMatchObject({ type: 'agent', prompt: 'Find where x is defined', description: 'find x', subagentType: 'Explore', report: 'x is in src/x.ts', agentId: 'a1' });
  });

  it('edits become edit plans with the patch text', () => {
    expect(planCapture('Edit', { file_path: '/p/a.ts', old_string: 'a', new_string: 'b' }, { filePath: '/p/a.ts', structuredPatch: [{ lines: ['-a', '+b'] }] })).toMatchObject({ type: 'edit', path: '/p/a.ts', text: '-a\n+b' });
    expect(planCapture('Write', { file_path: '/p/n.ts', content: 'new' }, { type: 'create', filePath: '/p/n.ts' })).toMatchObject({ type: 'edit', text: 'new' });
    expect(planCapture('NotebookEdit', { notebook_path: '/p/n.ipynb', new_source: 'x=1' }, {})).toMatchObject({ type: 'edit', path: '/p/n.ipynb' });
  });

  it('MCP tools take their text blocks', () => {
    const plan = planCapture('mcp__docs__search', { q: 'x' }, { content: [{ type: 'text', text: 'result' }] });
    expect(plan).toMatchObject({ kind: 'mcp', key: 'mcp__docs__search {"q":"x"}', text: 'result' });
  });

  it('unknown shapes are stored as JSON text', () => {
    expect(planCapture('Bash', { command: 'x' }, { weird: 1 })).toMatchObject({ text: '{\n "weird": 1\n}' });
    expect(planCapture('Frobnicate', {}, [1])).toMatchObject({ kind: 'tool' });
    expect(planCapture('Read', {}, null)).toMatchObject({ type: 'skip' });
  });

  it('serialized (PostToolBatch) responses are taken as text', () => {
    expect(planCapture('Read', { file_path: '/p/a' }, '1\thello')).toMatchObject({ kind: 'file', text: '1\thello' });
  });
});
