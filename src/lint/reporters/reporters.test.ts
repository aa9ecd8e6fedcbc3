import { describe, expect, it } from 'vitest';
import type { LintReport } from '../types.js';
import { formatText } from './text.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';

const sample: LintReport = {
  files: [
    {
      path: '.claude/commands/deploy.md',
      findings: [
        { file: '.claude/commands/deploy.md', line: 141, column: 1, ruleId: 'command-max-lines', severity: 'error', message: 'Unexpected 212 lines, expected at most 140 in a command: shorten it.' },
        { file: '.claude/commands/deploy.md', line: 150, column: 401, ruleId: 'max-line-length', severity: 'warn', message: 'Unexpected line of 500 characters, expected at most 400.' },
      ],
    },
    { path: '.claude/commands/ok.md', findings: [] },
    {
      path: 'CLAUDE.md',
      findings: [{ file: 'CLAUDE.md', line: 3, column: 5, ruleId: 'file-reference-exists', severity: 'error', message: 'Unexpected reference @a,b:c.md\nnext' }],
    },
  ],
  rules: [
    { id: 'command-max-lines', description: 'Commands stay short.', tags: ['budget'], severity: 'error', docs: 'docs/rules/command-max-lines.md' },
    { id: 'max-line-length', description: 'Lines stay short.', tags: ['budget'], severity: 'warn', docs: 'docs/rules/max-line-length.md' },
    { id: 'file-reference-exists', description: 'References exist.', tags: ['references'], severity: 'error', docs: 'docs/rules/file-reference-exists.md' },
  ],
  errorCount: 2,
  warningCount: 1,
};

describe('formatText', () => {
  it('groups findings by file with path:line:col, severity, message and rule id, then a summary', () => {
    expect(formatText(sample)).toBe(
      [
        '.claude/commands/deploy.md:141:1    error    Unexpected 212 lines, expected at most 140 in a command: shorten it.  command-max-lines',
        '.claude/commands/deploy.md:150:401  warning  Unexpected line of 500 characters, expected at most 400.  max-line-length',
        '',
        'CLAUDE.md:3:5  error    Unexpected reference @a,b:c.md\nnext  file-reference-exists',
        '',
        '3 problems (2 errors, 1 warning) in 2 of 3 files.',
        '',
      ].join('\n'),
    );
  });

  it('says when everything is clean', () => {
    expect(formatText({ files: [{ path: 'a.md', findings: [] }], rules: [], errorCount: 0, warningCount: 0 })).toBe('No problems in 1 file.\n');
  });

  it('explains a failure caused by too many warnings', () => {
    const text = formatText({ ...sample, maxWarnings: 0 });
    expect(text).toContain('Too many warnings: found 1, expected at most 0 (--max-warnings).');
  });

  it('colours only when asked', () => {
    expect(formatText(sample, { color: true })).toContain('\u001b[');
    expect(formatText(sample)).not.toContain('\u001b[');
  });
});

describe('formatJson', () => {
  it('lists every finding with file, line, column, rule id, severity and message', () => {
    expect(JSON.parse(formatJson(sample))).toEqual({
      filesChecked: 3,
      errorCount: 2,
      warningCount: 1,
      findings: [
        { file: '.claude/commands/deploy.md', line: 141, column: 1, ruleId: 'command-max-lines', severity: 'error', message: 'Unexpected 212 lines, expected at most 140 in a command: shorten it.' },
        { file: '.claude/commands/deploy.md', line: 150, column: 401, ruleId: 'max-line-length', severity: 'warn', message: 'Unexpected line of 500 characters, expected at most 400.' },
        { file: 'CLAUDE.md', line: 3, column: 5, ruleId: 'file-reference-exists', severity: 'error', message: 'Unexpected reference @a,b:c.md\nnext' },
      ],
    });
  });
});

describe('formatGithub', () => {
  it('writes one workflow annotation per finding, escaped, then the summary', () => {
    const withOddPath = {
      ...sample,
      files: [...sample.files, { path: 'odd,na:me%.md', findings: [{ ...sample.files[2].findings[0], file: 'odd,na:me%.md', message: '100% sure\r\nok' }] }],
    };
    expect(formatGithub(withOddPath).split('\n')).toEqual([
      '::error file=.claude/commands/deploy.md,line=141,col=1,title=ctxkit command-max-lines::Unexpected 212 lines, expected at most 140 in a command: shorten it.',
      '::warning file=.claude/commands/deploy.md,line=150,col=401,title=ctxkit max-line-length::Unexpected line of 500 characters, expected at most 400.',
      '::error file=CLAUDE.md,line=3,col=5,title=ctxkit file-reference-exists::Unexpected reference @a,b:c.md%0Anext',
      '::error file=odd%2Cna%3Ame%25.md,line=3,col=5,title=ctxkit file-reference-exists::100%25 sure%0D%0Aok',
      '3 problems (2 errors, 1 warning) in 3 of 4 files.',
      '',
    ]);
  });
});

describe('formatSarif', () => {
  const sarif = JSON.parse(formatSarif(sample, { version: '1.2.3', docsBaseUrl: 'https://example.com/docs/rules/' }));

  it('is a SARIF 2.1.0 log with one run and the tool described', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'ctxkit', version: '1.2.3' });
  });

  it('describes every rule with its default level, tags and help link', () => {
    expect(sarif.runs[0].tool.driver.rules[1]).toEqual({
      id: 'max-line-length',
      name: 'max-line-length',
      shortDescription: { text: 'Lines stay short.' },
      fullDescription: { text: 'Lines stay short.' },
      help: { text: 'Lines stay short. See docs/rules/max-line-length.md.' },
      helpUri: 'https://example.com/docs/rules/max-line-length.md',
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['budget'] },
    });
  });

  it('gives each finding a result pointing at its rule and location', () => {
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[1]).toEqual({
      ruleId: 'max-line-length',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'Unexpected line of 500 characters, expected at most 400.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: '.claude/commands/deploy.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 150, startColumn: 401 },
          },
        },
      ],
    });
    for (const result of results) {
      expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('encodes paths as URIs', () => {
    const spaced = { ...sample, files: [{ path: 'my docs/a b.md', findings: [{ ...sample.files[2].findings[0], file: 'my docs/a b.md' }] }] };
    const log = JSON.parse(formatSarif(spaced, { version: '1.0.0' }));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20docs/a%20b.md');
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
  });
});
