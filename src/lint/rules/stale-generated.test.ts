import { describe, expect, it } from 'vitest';
import { formatGeneratedHeader } from '../../generator/generated-header.js';
import { lintText } from '../lint-text.js';
import rule from './stale-generated.js';

const frontmatter = '---\ndescription: Deploy\n---\n';
const body = '# Deploy\n\nText.\n';
const generated = `${frontmatter}${formatGeneratedHeader('templates/commands/deploy.md', frontmatter + body)}\n${body}`;
const run = (text: string, existing: string[] = ['templates/commands/deploy.md']) =>
  lintText({ path: '.claude/commands/deploy.md', text, rules: [rule], exists: (p) => existing.includes(p) }).map(
    (f) => `${f.line}:${f.column} ${f.message}`,
  );

describe('stale-generated', () => {
  it('accepts an untouched generated file whose template exists, and hand-written files', () => {
    expect(run(generated)).toEqual([]);
    expect(run(`${frontmatter}${body}`)).toEqual([]);
  });

  it('reports hand edits on the header line', () => {
    expect(run(`${generated}Added by hand.\n`)).toEqual([
      '4:1 Unexpected hand edits in a generated file (its content no longer matches the header\'s hash), expected edits in templates/commands/deploy.md followed by ctxkit generate.',
    ]);
  });

  it('reports what generate --check found, when the run compared outputs with templates', () => {
    const lint = (text: string, status: string) =>
      lintText({ path: '.claude/commands/deploy.md', text, rules: [rule], exists: () => true, generatedStatus: (p) => (p === '.claude/commands/deploy.md' ? status : undefined) }).map(
        (f) => `${f.line}:${f.column} ${f.message}`,
      );
    expect(lint(generated, 'stale')).toEqual([
      '4:1 Unexpected stale generated file (its template or an included partial changed since it was generated), expected the current output: run ctxkit generate.',
    ]);
    expect(lint(`${frontmatter}${body}`, 'not-generated')).toEqual([
      "1:1 Unexpected hand-written file where a template's output belongs, expected the generated file: rename one of them, or delete this file and run ctxkit generate.",
    ]);
    expect(lint(generated, 'ok')).toEqual([]);
  });

  it('reports a missing template', () => {
    expect(run(generated, [])).toEqual([
      '4:1 Unexpected generated file whose template templates/commands/deploy.md does not exist, expected the template (or delete this file).',
    ]);
  });
});
