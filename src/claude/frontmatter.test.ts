import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter.js';

describe('parseFrontmatter', () => {
  it('reads plain frontmatter and reports where the body starts', () => {
    const parsed = parseFrontmatter('---\ndescription: Run the tests\nallowed-tools: Bash(npm test)\n---\n# Heading\ntext\n');
    expect(parsed.present).toBe(true);
    expect(parsed.data).toEqual({ description: 'Run the tests', 'allowed-tools': 'Bash(npm test)' });
    expect(parsed.body).toBe('# Heading\ntext\n');
    expect(parsed.bodyStartLine).toBe(5);
    expect(parsed.autoQuoted).toBe(false);
  });

  it('accepts what Claude Code accepts after auto-quoting', () => {
    const parsed = parseFrontmatter('---\nargument-hint: [issue] [priority]\ndescription: Fix: the bug\n---\nbody\n');
    expect(parsed.error).toBeUndefined();
    expect(parsed.autoQuoted).toBe(true);
    expect(parsed.data).toEqual({ 'argument-hint': '[issue] [priority]', description: 'Fix: the bug' });
  });

  it('reports broken YAML with the file line', () => {
    const parsed = parseFrontmatter('---\ndescription: ok\ntools:\n  - a\n - b\n---\nbody\n');
    expect(parsed.error).toBeDefined();
    expect(parsed.error!.line).toBeGreaterThanOrEqual(2);
    expect(parsed.body).toBe('body\n');
  });

  it('treats a file without a fence as all body', () => {
    const parsed = parseFrontmatter('# Title\n---\nnot frontmatter\n');
    expect(parsed.present).toBe(false);
    expect(parsed.bodyStartLine).toBe(1);
  });

  it('returns a fresh object each time (no shared cache)', () => {
    const text = '---\ndescription: same\n---\n';
    const first = parseFrontmatter(text);
    first.data.description = 'changed';
    expect(parseFrontmatter(text).data.description).toBe('same');
  });
});
