import { describe, expect, it } from 'vitest';
import type { Discovery } from '../store/store.js';
import { decideGuard, type GuardInput } from './decide-guard.js';

const HOUR = 3_600_000;
const CONTENT = Array.from({ length: 200 }, (_, i) => `export const value${i} = compute(${i}); // line ${i}`).join('\n');
const READ_RESPONSE = { type: 'text', file: { filePath: '/p/src/a.ts', content: CONTENT, numLines: 200, startLine: 1, totalLines: 200 } };
function d(id: number, extra: Partial<Discovery> = {}): Discovery {
  return { id, key: 'src/a.ts', summary: 'export const value0 … value199 (200 lines)', kind: 'file', sessionId: 'aaaa1111', createdAt: 0, rawBytes: 9000, rawTokens: 3000, summaryTokens: 20, meta: {}, stale: false, useCount: 0, hasOriginal: true, contentHash: 'h', ...extra };
}
function input(extra: Partial<GuardInput> = {}): GuardInput {
  return { toolName: 'Read', toolInput: { file_path: '/p/src/a.ts' }, toolResponse: READ_RESPONSE, mode: 'enforce', finder: { sessionId: 'bbbb2222' }, capturedId: 9, earlier: [d(1), d(9, { sessionId: 'bbbb2222' })], now: 2 * HOUR, ...extra };
}

describe('decideGuard', () => {
  it('enforce: replaces only file.content with the earlier summary, keeping every other field', () => {
    const decision = decideGuard(input());
    expect(decision.action).toBe('replace');
    if (decision.action !== 'replace') return;
    const { file, ...rest } = decision.updatedToolOutput as { file: Record<string, unknown> };
    expect(rest).toEqual({ type: 'text' });
    expect({ ...file, content: undefined }).toEqual({ ...READ_RESPONSE.file, content: undefined });
    expect(file.content).toContain('[ctxkit] Same bytes as this file had for session aaaa 2 h ago');
    expect(file.content).toContain('Read it again with offset and limit');
    expect(file.content).toContain('`ctxkit show 1`');
    expect(file.content).toContain('export const value0 … value199 (200 lines)');
    expect(decision.record.tokensAfter).toBeLessThan(decision.record.tokensBefore);
    expect(decision.sourceId).toBe(1);
  });

  it.each([
    ['mode off', { mode: 'off' as const }, 'guard off'],
    ['a Read with offset/limit', { toolInput: { file_path: '/p/src/a.ts', offset: 1, limit: 50 } }, 'partial read'],
    ['a same-conversation re-read', { earlier: [d(1, { sessionId: 'bbbb2222' })] }, 'not seen by another session or agent'],
    ['only its own capture', { earlier: [d(9)] }, 'not seen by another session or agent'],
    ['a stale earlier capture', { earlier: [d(1, { stale: true })] }, 'not seen by another session or agent'],
    ['an earlier partial read', { earlier: [d(1, { range: { start: 1, end: 20 } })] }, 'not seen by another session or agent'],
    ['a tool that is not guarded', { toolName: 'Bash' }, 'tool not guarded'],
    ['an image read', { toolResponse: { type: 'image', file: { base64: 'x' } } }, 'no text output'],
  ])('passes through %s', (_name, patch, reason) => {
    expect(decideGuard(input(patch))).toEqual({ action: 'none', reason });
  });

  it('treats a subagent of the same session as another reader', () => {
    expect(decideGuard(input({ earlier: [d(1, { sessionId: 'bbbb2222', agentId: 'ag1', agentType: 'Explore' })] })).action).toBe('replace');
  });

  it('hint: keeps the output and names the earlier conclusion', () => {
    const conclusion = d(5, { kind: 'agent-report', key: 'Map a', summary: 'a.ts computes 200 values; value7 is the odd one.' });
    const decision = decideGuard(input({ mode: 'hint', earlier: [d(1, { agentId: 'x', agentType: 'Explore' })], conclusion }));
    expect(decision).toMatchObject({ action: 'hint', sourceId: 1, record: { mode: 'hint', tool: 'Read' } });
    if (decision.action !== 'hint') return;
    expect(decision.additionalContext).toBe('[ctxkit] session aaaa, Explore agent already had this same file content 2 h ago (#1). Its conclusion (handoff #5): a.ts computes 200 values; value7 is the odd one.');
  });

  it('enforce falls back to a hint when the summary is not shorter than the output', () => {
    const small = { type: 'text', file: { filePath: '/p/b.ts', content: 'x = 1\n', numLines: 1, startLine: 1, totalLines: 1 } };
    expect(decideGuard(input({ toolResponse: small, earlier: [d(1, { summary: 'x = 1' })] })).action).toBe('hint');
  });

  it('replaces Grep content and Glob filenames in their own shapes', () => {
    const grep = { mode: 'content', numFiles: 3, filenames: [], content: Array.from({ length: 80 }, (_, i) => `src/f${i}.ts:1:export function thing${i}()`).join('\n'), numLines: 80 };
    const g = decideGuard(input({ toolName: 'Grep', toolInput: { pattern: 'export function' }, toolResponse: grep, earlier: [d(1, { kind: 'search', summary: 'src/f0.ts … (80 matches)' })] }));
    expect(g.action === 'replace' && (g.updatedToolOutput as typeof grep).content).toContain('src/f0.ts … (80 matches)');
    expect(g.action === 'replace' && { ...(g.updatedToolOutput as typeof grep), content: '' }).toEqual({ ...grep, content: '' });
    const glob = { filenames: Array.from({ length: 120 }, (_, i) => `src/deep/folder/file-${i}.ts`), durationMs: 3, numFiles: 120, truncated: false };
    const s = decideGuard(input({ toolName: 'Glob', toolInput: { pattern: '**/*.ts' }, toolResponse: glob, earlier: [d(1, { kind: 'search', summary: 'src/deep/folder/ (120): file-0.ts …' })] }));
    expect(s.action).toBe('replace');
    if (s.action !== 'replace') return;
    expect(s.updatedToolOutput).toMatchObject({ durationMs: 3, numFiles: 120, truncated: false });
    expect((s.updatedToolOutput as typeof glob).filenames.join('\n')).toContain('src/deep/folder/ (120): file-0.ts …');
  });
});
