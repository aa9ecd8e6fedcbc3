import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, findHookBlock, insertHookBlock, removeHookBlock, renderHookBody, shellQuote } from './pre-commit-block.js';

const body = renderHookBody({ command: ['node', '/opt/my tools/ctxkit.js'], templatesDir: 'templates' });

describe('pre-commit block', () => {
  it('quotes words for sh', () => {
    expect(shellQuote('node')).toBe('node');
    expect(shellQuote("/a b/it's")).toBe(`'/a b/it'\\''s'`);
  });

  it('runs lint --staged, generate --check for staged templates, honours the skip variable and a missing ctxkit', () => {
    const text = body.join('\n');
    expect(text).toContain(`'/opt/my tools/ctxkit.js' lint --staged ||`);
    expect(text).toContain(`git diff --cached --name-only -- templates/ | grep -q .`);
    expect(text).toContain(`node '/opt/my tools/ctxkit.js' generate --check ||`);
    expect(text).toContain('if [ "${CTXKIT_SKIP_HOOKS:-}" != "1" ]; then');
    expect(text).toContain(`if [ -e '/opt/my tools/ctxkit.js' ]; then`);
  });

  it('creates a new hook with a shebang and removes it entirely', () => {
    const created = insertHookBlock(undefined, body);
    expect(created.startsWith(`#!/bin/sh\n${BLOCK_START}\n`)).toBe(true);
    expect(created.endsWith(`${BLOCK_END}\n`)).toBe(true);
    expect(removeHookBlock(created)).toEqual({ text: '#!/bin/sh\n', isEmpty: true, madeExecutable: false });
  });

  it.each([
    ['a husky hook', 'npm test\n'],
    ['a hook without a final newline', '#!/bin/sh\nnpm test'],
    ['a hook ending in exit 0', '#!/bin/sh\nnpm test\nexit 0\n'],
    ['an empty file', ''],
    ['CRLF lines', '#!/bin/sh\r\nnpm test\r\n'],
  ])('adds to %s and removal restores it byte for byte', (_name, original) => {
    const installed = insertHookBlock(original, body);
    expect(installed).toContain(BLOCK_START);
    expect(removeHookBlock(installed)).toEqual({ text: original, isEmpty: false, madeExecutable: false });
  });

  it('puts the block before a final exit so it still runs', () => {
    const installed = insertHookBlock('#!/bin/sh\nnpm test\nexit 0\n', body);
    expect(installed.indexOf(BLOCK_END)).toBeLessThan(installed.indexOf('exit 0'));
  });

  it('replaces an existing block in place, keeping its markers', () => {
    const original = '#!/bin/sh\nnpm test';
    const first = insertHookBlock(original, body);
    const other = renderHookBody({ command: ['node', '/new/ctxkit.js'], templatesDir: 'tpl' });
    const second = insertHookBlock(first, other);
    expect(second).toContain('/new/ctxkit.js');
    expect(second).not.toContain('/opt/my tools');
    expect(findHookBlock(second)?.addedNewline).toBe(true);
    expect(removeHookBlock(second)?.text).toBe(original);
    expect(insertHookBlock(second, other)).toBe(second);
  });

  it('records that install made the hook executable, through updates', () => {
    const installed = insertHookBlock('#!/bin/sh\n', body, { madeExecutable: true });
    const updated = insertHookBlock(installed, renderHookBody({ command: ['ctxkit'], templatesDir: 'templates' }));
    expect(removeHookBlock(updated)).toEqual({ text: '#!/bin/sh\n', isEmpty: false, madeExecutable: true });
  });

  it('returns undefined when there is no block to remove', () => {
    expect(removeHookBlock('#!/bin/sh\nnpm test\n')).toBeUndefined();
  });
});
