import { describe, expect, it } from 'vitest';
import { addIgnoreLine, hasIgnoreLine, removeIgnoreLine, storeIgnoreLine } from './gitignore-entry.js';

describe('gitignore entry', () => {
  it('derives the line from the store folder', () => {
    expect(storeIgnoreLine('.ctxkit')).toBe('.ctxkit/');
    expect(storeIgnoreLine('./cache/ctxkit/')).toBe('cache/ctxkit/');
  });

  it('recognises the folder written in any usual form', () => {
    for (const form of ['.ctxkit', '.ctxkit/', '/.ctxkit', '/.ctxkit/']) expect(hasIgnoreLine(`node_modules\n${form}\n`, '.ctxkit/')).toBe(true);
    expect(hasIgnoreLine('# .ctxkit/\n.ctxkit-other\n', '.ctxkit/')).toBe(false);
  });

  it.each([
    ['a file that does not exist', undefined, '.ctxkit/\n'],
    ['an empty file', '', '.ctxkit/\n'],
    ['a file ending with a newline', 'node_modules\n', 'node_modules\n.ctxkit/\n'],
    ['a file without a final newline', 'node_modules', 'node_modules\n.ctxkit/\n'],
    ['a CRLF file', 'dist\r\n', 'dist\r\n.ctxkit/\r\n'],
  ])('adds the line to %s and removing it gives the original back', (_name, before, after) => {
    const added = addIgnoreLine(before, '.ctxkit/');
    expect(added.text).toBe(after);
    expect(added.added).toBe(true);
    expect(removeIgnoreLine(added.text, '.ctxkit/', added.addedLeadingNewline)).toBe(before ?? '');
  });

  it('does not add a duplicate', () => {
    expect(addIgnoreLine('/.ctxkit\n', '.ctxkit/')).toEqual({ text: '/.ctxkit\n', added: false, addedLeadingNewline: false });
  });

  it('removes only its own line, even when the user added lines after it', () => {
    expect(removeIgnoreLine('a\n.ctxkit/\nb\n', '.ctxkit/', true)).toBe('a\nb\n');
    expect(removeIgnoreLine('a\n', '.ctxkit/')).toBe('a\n');
  });
});
