import { describe, expect, it } from 'vitest';
import type { Diagnostic, SourceLine, TemplateFile } from './compile-types.js';
import { expandTemplateLines, expandVariables } from './expand-template.js';

const FILE = 'templates/commands/a.md';

function lines(text: string): SourceLine[] {
  return text.split('\n').map((line, index) => ({ text: line, file: FILE, line: 5 + index }));
}

function expand(text: string, partials: Record<string, string> = {}, variables: Record<string, string> = {}) {
  const diagnostics: Diagnostic[] = [];
  const map = new Map<string, TemplateFile>(Object.entries(partials).map(([path, content]) => [path, { path, content }]));
  const out = expandTemplateLines(lines(text), { partials: map, variables, templatesDir: 'templates' }, diagnostics);
  return { out, text: out.map((line) => line.text).join('\n'), diagnostics };
}

describe('expandVariables', () => {
  const cases: { name: string; input: string; variables: Record<string, string>; output: string; errors: string[] }[] = [
    { name: 'replaces a variable', input: 'Deploy {{app}} now', variables: { app: 'web' }, output: 'Deploy web now', errors: [] },
    { name: 'allows spaces inside the braces', input: '{{ app }}', variables: { app: 'web' }, output: 'web', errors: [] },
    { name: 'allows dotted names', input: '{{team.name}}', variables: { 'team.name': 'core' }, output: 'core', errors: [] },
    { name: 'keeps escaped braces literal', input: 'run \\{{matrix.os}} and {{app}}', variables: { app: 'web' }, output: 'run {{matrix.os}} and web', errors: [] },
    { name: 'reports an undefined variable', input: 'x {{missing}} y', variables: {}, output: 'x {{missing}} y', errors: ["Undefined variable '{{missing}}'"] },
    { name: 'reports a malformed name', input: '{{a b}}', variables: {}, output: '{{a b}}', errors: ["Unexpected '{{a b}}'"] },
    { name: 'reports an inline include', input: 'see {{> handoff}}', variables: {}, output: 'see {{> handoff}}', errors: ["Unexpected inline include '{{> handoff}}'"] },
    { name: 'leaves single braces alone', input: 'const a = { b: {} };', variables: {}, output: 'const a = { b: {} };', errors: [] },
    { name: 'does not treat inherited object keys as variables', input: '{{constructor}}', variables: {}, output: '{{constructor}}', errors: ["Undefined variable '{{constructor}}'"] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const diagnostics: Diagnostic[] = [];
      expect(expandVariables(testCase.input, testCase.variables, { file: FILE, line: 3 }, diagnostics)).toBe(testCase.output);
      expect(diagnostics.map((d) => d.message.split(':')[0])).toEqual(testCase.errors.map((e) => e.split(':')[0]));
      for (const d of diagnostics) expect(d).toMatchObject({ file: FILE, line: 3, severity: 'error' });
    });
  }
});

describe('expandTemplateLines', () => {
  it('replaces an include line with the partial, keeping where each line came from', () => {
    const { out, diagnostics } = expand('before\n{{> handoff}}\nafter', { 'partials/handoff.md': 'one\ntwo\n' });
    expect(diagnostics).toEqual([]);
    expect(out).toEqual([
      { text: 'before', file: FILE, line: 5 },
      { text: 'one', file: 'templates/partials/handoff.md', line: 1 },
      { text: 'two', file: 'templates/partials/handoff.md', line: 2 },
      { text: 'after', file: FILE, line: 7 },
    ]);
  });

  it('accepts names with folder, extension and partials/ prefix', () => {
    const partials = { 'partials/review/list.md': 'listed' };
    for (const include of ['{{> review/list}}', '{{>review/list.md}}', '{{> partials/review/list.md }}']) {
      expect(expand(include, partials).text).toBe('listed');
    }
  });

  it('indents every included line like the include line', () => {
    expect(expand('- item\n  {{> sub}}', { 'partials/sub.md': 'a\n\nb\n' }).text).toBe('- item\n  a\n\n  b');
  });

  it('skips a partial frontmatter and numbers lines after it', () => {
    const { out } = expand('{{> p}}', { 'partials/p.md': '---\nnote: internal\n---\nbody line\n' });
    expect(out).toEqual([{ text: 'body line', file: 'templates/partials/p.md', line: 4 }]);
  });

  it('expands variables and includes inside partials', () => {
    const partials = { 'partials/outer.md': 'outer {{app}}\n{{> inner}}', 'partials/inner.md': 'inner {{app}}' };
    expect(expand('{{> outer}}', partials, { app: 'web' }).text).toBe('outer web\ninner web');
  });

  it('reports a missing partial at the include line, naming the paths it tried', () => {
    const { diagnostics } = expand('a\n{{> nope}}');
    expect(diagnostics).toEqual([
      { file: FILE, line: 6, severity: 'error', message: "Missing partial 'nope': expected one of templates/partials/nope.md, templates/partials/nope." },
    ]);
  });

  it('reports an include cycle at the line that closes it, with the chain', () => {
    const partials = { 'partials/a.md': 'a1\n{{> b}}', 'partials/b.md': 'b1\nb2\n{{> a}}' };
    const { diagnostics, text } = expand('{{> a}}', partials);
    expect(diagnostics).toEqual([
      {
        file: 'templates/partials/b.md',
        line: 3,
        severity: 'error',
        message: 'Include cycle: templates/partials/a.md -> templates/partials/b.md -> templates/partials/a.md.',
      },
    ]);
    expect(text).toBe('a1\nb1\nb2');
  });

  it('reports a partial that includes itself', () => {
    const { diagnostics } = expand('{{> self}}', { 'partials/self.md': '{{> self}}' });
    expect(diagnostics[0]).toMatchObject({ file: 'templates/partials/self.md', line: 1, message: expect.stringContaining('Include cycle') });
  });

  it('leaves an escaped include literal', () => {
    expect(expand('\\{{> handoff}}').text).toBe('{{> handoff}}');
  });
});
