import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  message: string;
}

const lintJson = (cwd: string, args: string[] = []) => {
  const result = runCli(['lint', '--format', 'json', ...args], { cwd });
  return { code: result.code, stderr: result.stderr, report: JSON.parse(result.stdout) as { filesChecked: number; findings: JsonFinding[] } };
};
const summary = (findings: JsonFinding[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

let dir: TestDir | undefined;
afterEach(() => dir?.cleanup());

describe('ctxkit lint on real-world collections', () => {
  it('handles hundreds of files and files of thousands of lines', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`.claude/commands/group-${i % 7}/cmd-${i}.md`] = `---\ndescription: Command ${i}\n---\n# Command ${i}\n\nText.\n`;
    files['.claude/context/huge.md'] = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? '```\ncode\n```' : `Line ${i}`)).join('\n');
    dir = testdir(files);
    const { code, report } = lintJson(dir.path);
    expect(report.filesChecked).toBe(301);
    expect(summary(report.findings)).toEqual(['.claude/context/huge.md:1 file-max-tokens', '.claude/context/huge.md:201 context-max-lines']);
    expect(code).toBe(1);
  });

  it('lints files without frontmatter and keeps going after broken YAML', () => {
    dir = testdir({
      '.claude/commands/plain.md': '# Just a body\n\nRun $ARGUMENTS.\n',
      '.claude/commands/broken.md': '---\ndescription: [unclosed\n  - : {\n---\nFix $1 now.\n',
    });
    const { report } = lintJson(dir.path);
    expect(summary(report.findings)).toEqual([
      '.claude/commands/broken.md:4 frontmatter-yaml',
      '.claude/commands/broken.md:5 zero-based-arguments',
      '.claude/commands/plain.md:1 command-description',
    ]);
  });

  it('follows file symlinks, reports broken ones, and does not loop on folder symlinks', () => {
    dir = testdir({ 'shared/deploy.md': `---\ndescription: Shared\n---\n${'x\n'.repeat(150)}` });
    mkdirSync(dir.join('.claude/commands'), { recursive: true });
    symlinkSync('../../shared/deploy.md', dir.join('.claude/commands/deploy.md'));
    symlinkSync('missing.md', dir.join('.claude/commands/dangling.md'));
    symlinkSync('..', dir.join('.claude/commands/parent'));
    symlinkSync('.', dir.join('.claude/commands/self'));
    symlinkSync('loop.md', dir.join('.claude/commands/loop.md'));
    const { report } = lintJson(dir.path);
    expect(summary(report.findings)).toEqual([
      '.claude/commands/dangling.md:1 file-unreadable',
      '.claude/commands/deploy.md:141 command-max-lines',
      '.claude/commands/loop.md:1 file-unreadable',
    ]);
    expect(report.findings[0].message).toContain('a symbolic link whose target does not exist');
    expect(report.findings[2].message).toContain('a symbolic link loop');
  });

  it('reports bytes that are not UTF-8 and still lints the rest of the file', () => {
    dir = testdir({
      '.claude/commands/latin1.md': Buffer.concat([
        Buffer.from('---\ndescription: Caf'),
        Buffer.from([0xe9]),
        Buffer.from(`\n---\n${'line\n'.repeat(150)}`),
      ]),
      'CLAUDE.md': Buffer.from([0xff, 0xfe, 0x23, 0x00, 0x0a, 0x00]),
    });
    const { report } = lintJson(dir.path);
    expect(summary(report.findings)).toEqual([
      '.claude/commands/latin1.md:2 encoding',
      '.claude/commands/latin1.md:141 command-max-lines',
      'CLAUDE.md:1 encoding',
    ]);
  });

  it('turns a file it cannot read into a finding, not a crash', () => {
    dir = testdir({ '.claude/commands/ok.md': '---\ndescription: ok\n---\nBody\n', '.claude/commands/secret.md': '---\ndescription: s\n---\n' });
    chmodSync(dir.join('.claude/commands/secret.md'), 0o000);
    const isRoot = process.getuid?.() === 0;
    const { code, report, stderr } = lintJson(dir.path);
    expect(stderr).toBe('');
    // root reads any file, so there the unreadable case is covered by the symlink loop above.
    expect(summary(report.findings)).toEqual(isRoot ? [] : ['.claude/commands/secret.md:1 file-unreadable']);
    expect(code).toBe(isRoot ? 0 : 1);
    chmodSync(dir.join('.claude/commands/secret.md'), 0o644);
  });

  it('skips node_modules and .git, and handles empty files and CRLF line ends', () => {
    dir = testdir({
      'node_modules/pkg/.claude/commands/x.md': 'x\n'.repeat(500),
      '.git/CLAUDE.md': 'x\n'.repeat(500),
      '.claude/commands/empty.md': '',
      '.claude/commands/crlf.md': `---\r\ndescription: Windows\r\n---\r\n${'line\r\n'.repeat(140)}`,
    });
    const { report } = lintJson(dir.path);
    expect(report.filesChecked).toBe(2);
    expect(summary(report.findings)).toEqual([
      '.claude/commands/crlf.md:141 command-max-lines',
      '.claude/commands/empty.md:1 command-description',
    ]);
  });
});
