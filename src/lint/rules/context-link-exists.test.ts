import { describe, expect, it } from 'vitest';
import { lintText } from '../lint-text.js';
import rule from './context-link-exists.js';

const existing = new Set(['.claude/context/deploy/rollback.md', '.claude/context/shared.md']);
const run = (text: string, path = '.claude/commands/deploy.md') =>
  lintText({ path, text, rules: [rule], exists: (p) => existing.has(p) }).map((f) => `${f.line}:${f.column} ${f.message}`);

describe('context-link-exists', () => {
  it('accepts existing pointer lines and links (relative to the file or the root)', () => {
    const text = [
      '- Read .claude/context/deploy/rollback.md when a deploy fails.',
      'See [rollback](../context/deploy/rollback.md#steps) and [shared](/.claude/context/shared.md).',
      'Or [root-relative](.claude/context/shared.md "title").',
    ].join('\n');
    expect(run(text)).toEqual([]);
  });

  it('reports a pointer line to a missing context file', () => {
    expect(run('- Read .claude/context/deploy/gone.md when needed.\n')).toEqual([
      '1:8 Unexpected link to context file .claude/context/deploy/gone.md, which does not exist; expected an existing file (run ctxkit generate, or fix the path).',
    ]);
  });

  it('reports a markdown link once, at its target', () => {
    expect(run('See [x](../context/missing.md).\n')).toEqual([
      '1:9 Unexpected link to context file ../context/missing.md, which does not exist; expected an existing file (run ctxkit generate, or fix the path).',
    ]);
  });

  it('ignores other links, URLs and code', () => {
    expect(run('[a](https://example.com/.claude/context/x.md) [b](docs/missing.md)\n`.claude/context/gone.md`\n```\n.claude/context/gone.md\n```\n')).toEqual([]);
  });
});
