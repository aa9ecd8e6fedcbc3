import { describe, expect, it } from 'vitest';
import { formatGeneratedHeader, isHandEdited, parseGeneratedHeader, stripGeneratedHeader } from './generated-header.js';

describe('generated header', () => {
  const frontmatter = '---\ndescription: test\n---\n';
  const body = '# Heading\ntext\n';
  const file = `${frontmatter}${formatGeneratedHeader('templates/commands/a.md', frontmatter + body)}\n${body}`;

  it('round-trips the template path and hash', () => {
    expect(parseGeneratedHeader(file)?.from).toBe('templates/commands/a.md');
    expect(stripGeneratedHeader(file)).toBe(frontmatter + body);
    expect(isHandEdited(file)).toBe(false);
  });

  it('detects a hand edit', () => {
    expect(isHandEdited(file.replace('text', 'changed text'))).toBe(true);
  });

  it('ignores files without the header', () => {
    expect(parseGeneratedHeader(body)).toBeUndefined();
    expect(isHandEdited(body)).toBe(false);
  });
});
