import { describe, expect, it } from 'vitest';
import { parseCitation, parseHandoff, renderHandoff } from './parse-handoff.js';

const REPORT = `I looked at the store.

## Handoff
### Findings
- openDatabase runs migrations in one transaction
- \`DbFromFutureError\` is thrown for newer files
### Files
- src/store/open-database.ts:12-48: opening, WAL, integrity check
- \`src/store/run-migrations.ts:5\`: version check
- docs/hooks.md: where the store lives
- not a path at all
### Decisions
- kept the busy timeout at 2 s
### Open questions
- none
`;

describe('parseHandoff', () => {
  it('reads the fixed sections', () => {
    expect(parseHandoff(REPORT)).toEqual({
      findings: ['openDatabase runs migrations in one transaction', '`DbFromFutureError` is thrown for newer files'],
      files: [
        { path: 'src/store/open-database.ts', start: 12, end: 48, note: 'opening, WAL, integrity check' },
        { path: 'src/store/run-migrations.ts', start: 5, end: 5, note: 'version check' },
        { path: 'docs/hooks.md', note: 'where the store lives' },
      ],
      decisions: ['kept the busy timeout at 2 s'],
      openQuestions: [],
    });
  });

  it('is undefined without a handoff heading, and tolerates missing sections', () => {
    expect(parseHandoff('just a report')).toBeUndefined();
    expect(parseHandoff('## Handoff\n### Files\n- a/b.ts:1-2: x\n')).toEqual({ findings: [], files: [{ path: 'a/b.ts', start: 1, end: 2, note: 'x' }], decisions: [], openQuestions: [] });
  });

  it('stops at the next level-2 heading and skips fenced blocks', () => {
    const parsed = parseHandoff('## Handoff\n### Findings\n- one\n```\n- not this\n```\n## Appendix\n- nor this\n');
    expect(parsed?.findings).toEqual(['one']);
  });

  it.each([
    ['src/a.ts:3-9: x', { path: 'src/a.ts', start: 3, end: 9, note: 'x' }],
    ['src/a.ts - the entry', { path: 'src/a.ts', note: 'the entry' }],
    ['package.json', { path: 'package.json', note: '' }],
    ['nothing here', undefined],
  ])('parseCitation(%j)', (item, expected) => {
    expect(parseCitation(item)).toEqual(expected);
  });

  it('renders compactly', () => {
    expect(renderHandoff(parseHandoff(REPORT)!)).toBe(
      [
        '- openDatabase runs migrations in one transaction',
        '- `DbFromFutureError` is thrown for newer files',
        '- src/store/open-database.ts:12-48: opening, WAL, integrity check',
        '- src/store/run-migrations.ts:5: version check',
        '- docs/hooks.md: where the store lives',
        '- decided: kept the busy timeout at 2 s',
      ].join('\n'),
    );
  });
});
