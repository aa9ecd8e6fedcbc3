import { describe, expect, it } from 'vitest';
import type { CompileInput, CompileResult, GeneratorBudgets } from './compile-types.js';
import { compileTemplates } from './compile-templates.js';
import { isHandEdited, parseGeneratedHeader } from './generated-header.js';

const budgets: GeneratorBudgets = { commandLines: 140, contextLines: 200, agentLines: 200, overrides: [] };

function filler(label: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `${label} line ${index + 1}`).join('\n');
}

function compile(templates: Record<string, string>, extra: Partial<CompileInput> = {}): CompileResult {
  return compileTemplates({
    templates: Object.entries(templates).map(([path, content]) => ({ path, content })),
    partials: [],
    variables: {},
    budgets,
    ...extra,
  });
}

/** The body of an output: everything after the generated header line. */
function body(result: CompileResult, path: string): string[] {
  const output = result.outputs.find((candidate) => candidate.path === path);
  if (!output) throw new Error(`no output ${path}; have ${result.outputs.map((o) => o.path).join(', ')}`);
  const lines = output.content.split('\n');
  return lines.slice(lines.findIndex((line) => line.startsWith('<!-- ctxkit:generated')) + 1, -1);
}

const paths = (result: CompileResult) => result.outputs.map((output) => output.path);
const errors = (result: CompileResult) => result.diagnostics.filter((d) => d.severity === 'error');

describe('compileTemplates: progressive split', () => {
  it('leaves a template that fits in one file, header right after the frontmatter', () => {
    const result = compile({ 'commands/hello.md': '---\ndescription: Say hello\n---\n# Hello\n\nSay hello.\n' });
    expect(result.diagnostics).toEqual([]);
    expect(paths(result)).toEqual(['commands/hello.md']);
    const [output] = result.outputs;
    const lines = output.content.split('\n');
    expect(lines.slice(0, 3)).toEqual(['---', 'description: Say hello', '---']);
    expect(parseGeneratedHeader(lines[3])?.from).toBe('templates/commands/hello.md');
    expect(lines.slice(4)).toEqual(['# Hello', '', 'Say hello.', '']);
    expect(output).toMatchObject({ kind: 'command', lines: 7, budget: 140 });
    expect(isHandEdited(output.content)).toBe(false);
  });

  const table: { name: string; template: string; budgets?: Partial<GeneratorBudgets>; files: string[]; main: string[]; contexts?: Record<string, string[]> }[] = [
    {
      name: 'moves a section marked progressive, with the marker text as the when',
      template: '# Deploy\n\nShip it.\n\n## Rollback\n<!-- progressive: when a deploy must be undone -->\n\nUndo steps.\n\n## Notes\n\nShort.\n',
      files: ['commands/deploy.md', 'context/deploy/rollback.md'],
      main: ['# Deploy', '', 'Ship it.', '', '- Read .claude/context/deploy/rollback.md when a deploy must be undone.', '', '## Notes', '', 'Short.'],
      contexts: { 'context/deploy/rollback.md': ['## Rollback', '', 'Undo steps.'] },
    },
    {
      name: 'adds "when" to marker text that lacks a connective and drops its final period',
      template: '# Deploy\n\n## Rollback\n<!-- progressive: a deploy must be undone. -->\nUndo.\n',
      files: ['commands/deploy.md', 'context/deploy/rollback.md'],
      main: ['# Deploy', '', '- Read .claude/context/deploy/rollback.md when a deploy must be undone.'],
    },
    {
      name: 'builds a default when from the heading for a bare marker',
      template: '# Deploy\n\n## Rollback plan\n<!-- progressive -->\nUndo.\n',
      files: ['commands/deploy.md', 'context/deploy/rollback-plan.md'],
      main: ['# Deploy', '', '- Read .claude/context/deploy/rollback-plan.md when you need "Rollback plan".'],
    },
    {
      name: 'moves the largest section first when over budget, and only as many as needed',
      template: `# Deploy\n\n## Small\n\n${filler('small', 5)}\n\n## Large\n\n${filler('large', 20)}\n\n## Medium\n\n${filler('medium', 10)}\n`,
      budgets: { commandLines: 30 },
      files: ['commands/deploy.md', 'context/deploy/large.md'],
      main: ['# Deploy', '', '## Small', '', ...filler('small', 5).split('\n'), '', '- Read .claude/context/deploy/large.md when you need "Large".', '', '## Medium', '', ...filler('medium', 10).split('\n')],
    },
    {
      name: 'keeps a section marked immediate even when it is the largest',
      template: `# Deploy\n\n## Steps\n<!-- immediate -->\n${filler('steps', 20)}\n\n## Extra\n\n${filler('extra', 10)}\n`,
      budgets: { commandLines: 30 },
      files: ['commands/deploy.md', 'context/deploy/extra.md'],
      main: ['# Deploy', '', '## Steps', ...filler('steps', 20).split('\n'), '', '- Read .claude/context/deploy/extra.md when you need "Extra".'],
    },
    {
      name: 'never takes a heading inside a fenced code block as a boundary',
      template: '# Doc\n\n## Example\n<!-- progressive -->\n\n```md\n## Not a heading\ntext\n```\n\nafter\n',
      files: ['commands/doc.md', 'context/doc/example.md'],
      main: ['# Doc', '', '- Read .claude/context/doc/example.md when you need "Example".'],
      contexts: { 'context/doc/example.md': ['## Example', '', '```md', '## Not a heading', 'text', '```', '', 'after'] },
    },
    {
      name: 'never takes a heading inside a list item as a boundary',
      template: '# Doc\n\n## Steps\n<!-- progressive -->\n\n- one\n\n  ## nested heading\n\n  more\n- two\n',
      files: ['commands/doc.md', 'context/doc/steps.md'],
      main: ['# Doc', '', '- Read .claude/context/doc/steps.md when you need "Steps".'],
      contexts: { 'context/doc/steps.md': ['## Steps', '', '- one', '', '  ## nested heading', '', '  more', '- two'] },
    },
    {
      name: 'moves a table whole with its section',
      template: '# Doc\n\n## Matrix\n<!-- progressive: when choosing a target -->\n\n| os | node |\n| --- | --- |\n| linux | 20 |\n| mac | 22 |\n',
      files: ['commands/doc.md', 'context/doc/matrix.md'],
      main: ['# Doc', '', '- Read .claude/context/doc/matrix.md when choosing a target.'],
      contexts: { 'context/doc/matrix.md': ['## Matrix', '', '| os | node |', '| --- | --- |', '| linux | 20 |', '| mac | 22 |'] },
    },
    {
      name: 'splits an oversized context file again at its own sub-headings',
      template: `# Ops\n\n## Runbook\n<!-- progressive: when something breaks -->\n\nIntro.\n\n### Database\n\n${filler('db', 12)}\n\n### Cache\n\n${filler('cache', 4)}\n`,
      budgets: { contextLines: 16 },
      files: ['commands/ops.md', 'context/ops/runbook.md', 'context/ops/runbook/database.md'],
      main: ['# Ops', '', '- Read .claude/context/ops/runbook.md when something breaks.'],
      contexts: {
        'context/ops/runbook.md': ['## Runbook', '', 'Intro.', '', '- Read .claude/context/ops/runbook/database.md when you need "Database".', '', '### Cache', '', ...filler('cache', 4).split('\n')],
        'context/ops/runbook/database.md': ['### Database', '', ...filler('db', 12).split('\n')],
      },
    },
    {
      name: 'gives sections with the same title distinct files',
      template: '# Doc\n\n## Examples\n<!-- progressive -->\na\n\n## More\n\n### Examples\n<!-- progressive -->\nb\n',
      files: ['commands/doc.md', 'context/doc/examples-2.md', 'context/doc/examples.md'],
      main: ['# Doc', '', '- Read .claude/context/doc/examples.md when you need "Examples".', '', '## More', '', '- Read .claude/context/doc/examples-2.md when you need "Examples".'],
    },
    {
      name: 'keeps a section with a ! shell line in the command (it only runs there)',
      template: '---\nallowed-tools: Bash(git status *)\n---\n# Doc\n\n## Status\n<!-- progressive -->\n!`git status`\n',
      files: ['commands/doc.md'],
      main: ['# Doc', '', '## Status', '!`git status`'],
    },
  ];

  for (const testCase of table) {
    it(testCase.name, () => {
      // Each case compiles a single template named after its first output path.
      const renamed = compile({ [testCase.files[0]]: testCase.template }, { budgets: { ...budgets, ...testCase.budgets } });
      expect(errors(renamed)).toEqual([]);
      expect(paths(renamed)).toEqual(testCase.files);
      expect(body(renamed, testCase.files[0])).toEqual(testCase.main);
      for (const [path, lines] of Object.entries(testCase.contexts ?? {})) expect(body(renamed, path)).toEqual(lines);
      for (const output of renamed.outputs) expect(output.lines).toBeLessThanOrEqual(output.budget);
    });
  }

  it('warns when a progressive section holds a shell line', () => {
    const result = compile({ 'commands/doc.md': '---\nallowed-tools: Bash(git *)\n---\n# Doc\n\n## Status\n<!-- progressive -->\n!`git status`\n' });
    expect(result.diagnostics).toEqual([
      { file: 'templates/commands/doc.md', line: 6, severity: 'warning', message: expect.stringContaining("Section 'Status' is marked progressive but holds a ! shell line") },
    ]);
  });

  it('does not move the document title section that wraps everything', () => {
    const result = compile({ 'commands/doc.md': `# Doc\n\n${filler('intro', 8)}\n\n## A\n\n${filler('a', 8)}\n` }, { budgets: { ...budgets, commandLines: 15 } });
    expect(paths(result)).toEqual(['commands/doc.md', 'context/doc/a.md']);
  });

  it('reports a single section that cannot fit, at its heading, and produces nothing', () => {
    const result = compile({ 'commands/big.md': `# Big\n\nIntro.\n\n## Huge\n<!-- progressive -->\n${filler('huge', 30)}\n` }, { budgets: { ...budgets, contextLines: 20 } });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        file: 'templates/commands/big.md',
        line: 5,
        severity: 'error',
        message: expect.stringMatching(/^Section 'Huge' needs 32 lines in \.claude\/context\/big\/huge\.md, over its 20-line budget, and has no sub-heading left to split at/),
      },
    ]);
  });

  it('reports a command whose immediate part cannot fit', () => {
    const result = compile({ 'commands/long.md': `${filler('intro', 20)}\n` }, { budgets: { ...budgets, commandLines: 10 } });
    expect(result.outputs).toEqual([]);
    expect(errors(result)[0]).toMatchObject({ file: 'templates/commands/long.md', line: 1, message: expect.stringContaining('.claude/commands/long.md still needs 21 lines') });
  });

  it('applies the last matching budget override, by root-relative or out-relative path', () => {
    const template = `# Doc\n\n## A\n\n${filler('a', 10)}\n`;
    const overrides = [
      { glob: '.claude/commands/**', maxLines: 5 },
      { glob: 'commands/doc.md', maxLines: 100 },
    ];
    const result = compile({ 'commands/doc.md': template }, { budgets: { ...budgets, overrides } });
    expect(paths(result)).toEqual(['commands/doc.md']);
    expect(result.outputs[0].budget).toBe(100);
    const tight = compile({ 'commands/doc.md': template, 'commands/other.md': template }, { budgets: { ...budgets, overrides: [overrides[1], overrides[0]] } });
    expect(paths(tight)).toEqual(['commands/doc.md', 'commands/other.md', 'context/doc/a.md', 'context/other/a.md']);
  });

  it('writes pointers with the out folder it is given', () => {
    const result = compile({ 'commands/doc.md': '# Doc\n\n## A\n<!-- progressive -->\nx\n' }, { outDir: 'build/claude' });
    expect(body(result, 'commands/doc.md')).toContain('- Read build/claude/context/doc/a.md when you need "A".');
  });

  it('puts agent context files under context/agents/', () => {
    const result = compile({ 'agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews\n---\n# Reviewer\n\n## Checklist\n<!-- progressive: before approving -->\nx\n' });
    expect(paths(result)).toEqual(['agents/reviewer.md', 'context/agents/reviewer/checklist.md']);
    expect(result.outputs[0]).toMatchObject({ kind: 'agent', budget: 200 });
  });
});

describe('compileTemplates: grouping sections when pointer lines keep a file over budget', () => {
  const sections = (names: string[], body: (name: string) => string) => names.map((name) => `## ${name}\n${body(name)}`).join('\n\n');
  const table: { name: string; template: string; commandLines: number; main: string[]; contexts?: Record<string, string[]> }[] = [
    {
      name: 'bundles tiny sections that no single move would shrink',
      template: '# Doc\n\n## A\n## B\n## C\n## D\n',
      commandLines: 5,
      main: ['# Doc', '', '- Read .claude/context/doc/a-to-b.md when you need "A" or "B".', '- Read .claude/context/doc/c-to-d.md when you need "C" or "D".'],
      contexts: { 'context/doc/a-to-b.md': ['## A', '## B'], 'context/doc/c-to-d.md': ['## C', '## D'] },
    },
    {
      name: 'groups only as many moved sections as the pointer lines require, smallest pair first',
      template: `# Doc\n\n${sections(['P1', 'P2', 'P3', 'P4', 'P5', 'P6'], (name) => `\n${name} a\n${name} b`)}\n`,
      commandLines: 12,
      main: [
        '# Doc',
        '',
        '- Read .claude/context/doc/p1-to-p2.md when you need "P1" or "P2".',
        '',
        ...['P3', 'P4', 'P5'].flatMap((name) => [`- Read .claude/context/doc/${name.toLowerCase()}.md when you need "${name}".`, '']),
        '- Read .claude/context/doc/p6.md when you need "P6".',
      ],
      contexts: { 'context/doc/p1-to-p2.md': ['## P1', '', 'P1 a', 'P1 b', '', '## P2', '', 'P2 a', 'P2 b'] },
    },
    {
      name: 'keeps the intro after the title and names a long group by its first and last sections',
      template: `# Doc\n\nIntro 1.\nIntro 2.\nIntro 3.\n\n${['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'].map((name) => `## ${name}`).join('\n\n')}\n`,
      commandLines: 9,
      main: ['# Doc', '', 'Intro 1.', 'Intro 2.', 'Intro 3.', '', '- Read .claude/context/doc/s1-to-s8.md when you need "S1" to "S8" (8 sections).'],
    },
    {
      name: 'moves the only section when intro text stands before it (it is not a title)',
      template: `Intro one.\nIntro two.\n\n## Only\n\n${filler('only', 20)}\n`,
      commandLines: 10,
      main: ['Intro one.', 'Intro two.', '', '- Read .claude/context/doc/only.md when you need "Only".'],
    },
    {
      name: 'never groups a section whose marker says when to read it',
      template: '# Doc\n\n## A\n\n## B\n<!-- progressive: when deploying -->\nb\n\n## C\n\n## D\n\n## E\n',
      commandLines: 9,
      main: ['# Doc', '', '## A', '', '- Read .claude/context/doc/b.md when deploying.', '', '- Read .claude/context/doc/c-to-e.md when you need "C", "D" or "E".'],
      contexts: { 'context/doc/c-to-e.md': ['## C', '', '## D', '', '## E'] },
    },
    {
      name: 'never moves a section that holds a pinned one',
      template: `# Doc\n\n## Big\n\n${filler('big', 10)}\n\n### Keep\n<!-- immediate -->\nkeep\n\n### Other\n\n${filler('other', 10)}\n`,
      commandLines: 20,
      main: ['# Doc', '', '## Big', '', ...filler('big', 10).split('\n'), '', '### Keep', 'keep', '', '- Read .claude/context/doc/other.md when you need "Other".'],
    },
  ];

  for (const testCase of table) {
    it(testCase.name, () => {
      const result = compile({ 'commands/doc.md': testCase.template }, { budgets: { ...budgets, commandLines: testCase.commandLines } });
      expect(result.diagnostics).toEqual([]);
      expect(body(result, 'commands/doc.md')).toEqual(testCase.main);
      for (const [path, lines] of Object.entries(testCase.contexts ?? {})) expect(body(result, path)).toEqual(lines);
      for (const output of result.outputs) expect(output.lines, output.path).toBeLessThanOrEqual(output.budget);
    });
  }

  it('splits groups at section boundaries to respect the context budget', () => {
    const template = `# Doc\n\n${sections(Array.from({ length: 12 }, (_, i) => `T${i + 1}`), (name) => `${name} a\n${name} b`)}\n`;
    const result = compile({ 'commands/doc.md': template }, { budgets: { ...budgets, commandLines: 10, contextLines: 12 } });
    expect(result.diagnostics).toEqual([]);
    const contexts = result.outputs.filter((output) => output.kind === 'context');
    expect(contexts.map((output) => output.path)).toEqual(['context/doc/t1-to-t3.md', 'context/doc/t10-to-t12.md', 'context/doc/t4-to-t6.md', 'context/doc/t7-to-t9.md']);
    for (const output of result.outputs) expect(output.lines, output.path).toBeLessThanOrEqual(output.budget);
  });

  it('reports what stays when even the grouped pointers do not fit', () => {
    const template = `# Doc\n\nIntro.\n\n${sections(['A', 'B', 'C', 'D', 'E', 'F'], (name) => `<!-- progressive: when ${name} -->\nx`)}\n`;
    const result = compile({ 'commands/doc.md': template }, { budgets: { ...budgets, commandLines: 8 } });
    expect(result.outputs).toEqual([]);
    expect(errors(result).map((d) => d.message)).toEqual([
      '.claude/commands/doc.md still needs 16 lines after moving and grouping every section that can move (budget 8); what stays: 1 line(s) of text before the first heading, 6 pointer line(s) to context files. Shorten it, add headings so parts can move, or raise the budget.',
    ]);
  });
});

describe('compileTemplates: determinism', () => {
  const templates = {
    'commands/b.md': `# B\n\n## One\n\n${filler('one', 30)}\n\n## Two\n\n${filler('two', 30)}\n`,
    'commands/a.md': '---\ndescription: A {{app}}\n---\n# A\n\n{{> shared}}\n',
    'agents/z.md': '---\nname: z\ndescription: Z\n---\nZ.\n',
  };
  const extra = { partials: [{ path: 'partials/shared.md', content: 'shared {{app}}\n' }], variables: { app: 'web' }, budgets: { ...budgets, commandLines: 40 } };

  it('gives the same bytes for the same input, whatever the input order', () => {
    const first = compile(templates, extra);
    const second = compile(Object.fromEntries(Object.entries(templates).reverse()), extra);
    expect(first.diagnostics).toEqual([]);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(paths(first)).toEqual(['agents/z.md', 'commands/a.md', 'commands/b.md', 'context/b/one.md']);
  });

  it('treats CRLF templates like LF ones', () => {
    const lf = compile({ 'commands/a.md': '# A\n\ntext\n' });
    const crlf = compile({ 'commands/a.md': '# A\r\n\r\ntext\r\n' });
    expect(crlf.outputs[0].content).toBe(lf.outputs[0].content);
  });
});

describe('compileTemplates: frontmatter', () => {
  it('warns on unknown command keys at their line and carries them', () => {
    const result = compile({ 'commands/a.md': '---\ndescription: A\ncolour: blue\n---\nbody\n' });
    expect(result.diagnostics).toEqual([
      { file: 'templates/commands/a.md', line: 3, severity: 'warning', message: expect.stringContaining("Unknown command frontmatter key 'colour'") },
    ]);
    expect(result.outputs[0].content).toContain('colour: blue');
  });

  it('keeps frontmatter Claude Code reads with auto-quoting, as written', () => {
    const result = compile({ 'commands/a.md': '---\nargument-hint: [issue] [priority]\ndescription: Fix: it\n---\nUse $0.\n' });
    expect(result.diagnostics).toEqual([]);
    expect(result.outputs[0].content.startsWith('---\nargument-hint: [issue] [priority]\ndescription: Fix: it\n---\n')).toBe(true);
  });

  it('reports frontmatter that no retry can read', () => {
    const result = compile({ 'commands/a.md': '---\ndescription: [unclosed\n  bad: : :\n---\nbody\n' });
    expect(errors(result)[0]).toMatchObject({ file: 'templates/commands/a.md', message: expect.stringContaining('Frontmatter is not valid YAML') });
  });

  const agentCases: { name: string; frontmatter: string; errors: string[] }[] = [
    { name: 'a valid agent', frontmatter: 'name: code-reviewer\ndescription: Reviews diffs\ntools: Read, Grep', errors: [] },
    { name: 'no name', frontmatter: 'description: Reviews', errors: ["Agent frontmatter needs 'name'."] },
    { name: 'no description', frontmatter: 'name: reviewer', errors: ["Agent frontmatter needs 'description'."] },
    { name: 'an uppercase name', frontmatter: 'name: Code_Reviewer\ndescription: Reviews', errors: ["Unexpected agent name 'Code_Reviewer': expected lowercase letters, digits and hyphens (e.g. code-reviewer)."] },
  ];
  for (const testCase of agentCases) {
    it(`checks agent frontmatter: ${testCase.name}`, () => {
      const result = compile({ 'agents/a.md': `---\n${testCase.frontmatter}\n---\nPrompt.\n` });
      expect(errors(result).map((d) => d.message)).toEqual(testCase.errors);
    });
  }

  it('requires an agent frontmatter at all', () => {
    const result = compile({ 'agents/a.md': 'Prompt.\n' });
    expect(errors(result).map((d) => `${d.line}: ${d.message}`)).toEqual(["1: Agent frontmatter needs 'description'.", "1: Agent frontmatter needs 'name'."]);
  });

  it('reports a ! line that allowed-tools does not approve, at its line', () => {
    const result = compile({ 'commands/a.md': '---\ndescription: A\n---\n# A\n\n!`npm test`\n' });
    expect(errors(result)).toEqual([
      { file: 'templates/commands/a.md', line: 6, severity: 'error', message: expect.stringContaining("Shell line !`npm test` is not approved by allowed-tools: add 'Bash(npm test *)'") },
    ]);
  });

  it('accepts a ! line that allowed-tools approves', () => {
    const result = compile({ 'commands/a.md': '---\nallowed-tools: Bash(npm test:*), Bash(git status *)\n---\n!`npm test -- --run`\n!`git status`\n' });
    expect(result.diagnostics).toEqual([]);
  });

  it('adds allowed-tools rules for ! lines with allowShell and never writes the ctxkit key', () => {
    const result = compile({
      'commands/a.md': '---\ndescription: A\nctxkit:\n  allowShell: true\nallowed-tools: Read\nmodel: haiku\n---\n!`git log -5`\n\n```!\nnpm run build\n```\n',
    });
    expect(result.diagnostics).toEqual([]);
    const content = result.outputs[0].content;
    expect(content.split('<!-- ctxkit:generated')[0]).toBe('---\ndescription: A\nallowed-tools:\n  - "Read"\n  - "Bash(git log *)"\n  - "Bash(npm run *)"\nmodel: haiku\n---\n');
  });

  it('drops a frontmatter that only held directives', () => {
    const result = compile({ 'commands/a.md': '---\nctxkit: {}\n---\nbody\n' });
    expect(result.outputs[0].content.startsWith('<!-- ctxkit:generated')).toBe(true);
  });

  it('warns on unknown directives', () => {
    const result = compile({ 'commands/a.md': '---\nctxkit: {allowShel: true}\n---\nbody\n' });
    expect(result.diagnostics).toEqual([{ file: 'templates/commands/a.md', line: 2, severity: 'warning', message: "Unknown ctxkit directive 'allowShel': expected one of allowShell." }]);
  });

  it('warns on $1 used without $0, unless arguments are named', () => {
    expect(compile({ 'commands/a.md': 'Fix issue $1 now.\n' }).diagnostics).toEqual([
      { file: 'templates/commands/a.md', line: 1, severity: 'warning', message: expect.stringContaining("'$1' is the SECOND argument") },
    ]);
    expect(compile({ 'commands/a.md': 'Fix $0 with priority $1.\n' }).diagnostics).toEqual([]);
    expect(compile({ 'commands/a.md': 'Price \\$1.\n' }).diagnostics).toEqual([]);
  });

  it('expands variables in frontmatter', () => {
    const result = compile({ 'commands/a.md': '---\ndescription: Deploy {{app}}\n---\nx\n' }, { variables: { app: 'web' } });
    expect(result.outputs[0].content).toContain('description: Deploy web\n');
  });

  it('reports an undefined variable in frontmatter at its file line', () => {
    const result = compile({ 'commands/a.md': '---\ndescription: A\nargument-hint: {{hint}}\n---\nx\n' });
    expect(errors(result)[0]).toMatchObject({ line: 3, message: expect.stringContaining("Undefined variable '{{hint}}'") });
  });
});

describe('compileTemplates: template set', () => {
  it('warns about files that are not templates and ignores them', () => {
    const result = compile({ 'README.md': '# notes\n', 'commands/a.md': 'x\n' });
    expect(paths(result)).toEqual(['commands/a.md']);
    expect(result.diagnostics).toEqual([{ file: 'templates/README.md', line: 1, severity: 'warning', message: expect.stringContaining("Ignored 'templates/README.md'") }]);
  });

  it('reports two templates that would write the same context file', () => {
    const result = compile({
      'commands/agents/r.md': '# R\n\n## A\n<!-- progressive -->\nx\n',
      'agents/r.md': '---\nname: r\ndescription: R\n---\n# R\n\n## A\n<!-- progressive -->\ny\n',
    });
    expect(errors(result)[0].message).toContain('Output .claude/context/agents/r/a.md is also produced by');
  });

  it('namespaces context folders by command subfolder', () => {
    const result = compile({ 'commands/dev/check.md': '# C\n\n## A\n<!-- progressive -->\nx\n' });
    expect(paths(result)).toEqual(['commands/dev/check.md', 'context/dev/check/a.md']);
  });
});
