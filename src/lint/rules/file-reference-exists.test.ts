import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './file-reference-exists.js';

const existing = new Set(['docs', 'docs/guide.md', 'src', 'src/index.ts', 'README.md']);
const run = (text: string, path = '.claude/commands/a.md') =>
  lintText({ path, text, rules: [rule], exists: (p) => existing.has(p) }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('file-reference-exists', () => {
  it('accepts references to existing files and folders, with ./ and anchors', () => {
    expect(run('Read @docs/guide.md and @./src/index.ts, then @README.md.\nSee @src/ and @docs/guide.md#setup\n')).toEqual([]);
  });

  it('reports a missing file at its column', () => {
    expect(run('Read @docs/missing.md first.\n')).toEqual([
      '1:6 Unexpected reference @docs/missing.md to a file that does not exist, expected an existing path relative to the repository root.',
    ]);
  });

  it('ignores emails, handles, packages, URLs, code spans and code fences', () => {
    const text = [
      'Mail user@example.com or ask @alice.',
      'Install @types/node and @scope/pkg.',
      'Use `@docs/missing.md` in code.',
      '```',
      'cat @docs/missing.md',
      '```',
      'Paths like @~/notes.md or @/etc/hosts are not checked.',
    ].join('\n');
    expect(run(text)).toEqual([]);
  });

  it('flags an extensionless path when its first folder exists', () => {
    expect(run('See @docs/nothing-here\n')[0]).toMatch(/^1:5 Unexpected reference @docs\/nothing-here/);
  });

  it('does not look inside frontmatter', () => {
    expect(run('---\ndescription: see @docs/missing.md\n---\nBody\n')).toEqual([]);
  });
});
