import { describe, expect, it } from 'vitest';
import { blankCodeSpans, createDocument, splitLines } from './create-document.js';

describe('createDocument', () => {
  it('splits lines like an editor numbers them', () => {
    expect(splitLines('a\r\nb\nc\n')).toEqual(['a', 'b', 'c']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual([]);
  });

  it('blanks inline code spans but keeps columns', () => {
    expect(blankCodeSpans('see `@a.md` and ``x ` y`` @b.md')).toBe(`see ${' '.repeat(7)} and ${' '.repeat(9)} @b.md`);
  });

  it('marks fenced code (backticks and tildes, longer closers) and blanks frontmatter in prose', () => {
    const doc = createDocument({
      path: '.claude/commands/a.md',
      text: '---\ndescription: x\n---\ntext\n````md\n```\ninner\n```\n````\n~~~\ncode\n~~~\nafter\n',
    });
    expect(doc.kind).toBe('command');
    expect(doc.bodyStart).toBe(3);
    expect(doc.inFence).toEqual([false, false, false, false, true, true, true, true, true, true, true, true, false]);
    expect(doc.prose[1]).toBe('');
    expect(doc.prose[12]).toBe('after');
  });

  it('treats an unclosed fence as code to the end of the file', () => {
    const doc = createDocument({ path: 'CLAUDE.md', text: 'a\n```\nb\nc\n' });
    expect(doc.inFence).toEqual([false, true, true, true]);
  });

  it('keeps a tolerant frontmatter parse', () => {
    const doc = createDocument({ path: '.claude/commands/a.md', text: '---\nargument-hint: [a] [b]\n---\nBody\n' });
    expect(doc.frontmatter.error).toBeUndefined();
    expect(doc.frontmatter.data['argument-hint']).toBe('[a] [b]');
  });
});
