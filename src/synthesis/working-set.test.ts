import { describe, expect, it } from 'vitest';
import type { Discovery } from '../store/store.js';
import { buildWorkingSet, parseWorkingSet, renderWorkingSet } from './working-set.js';

function d(id: number, kind: string, key: string, createdAt: number, summary = ''): Discovery {
  return { id, kind, key, summary, sessionId: 's', createdAt, rawBytes: 1, rawTokens: 1, summaryTokens: 1, meta: {}, stale: false, useCount: 0, hasOriginal: false };
}

describe('working set', () => {
  const set = buildWorkingSet({
    sessionId: 's',
    savedAt: 0,
    discoveries: [d(1, 'file', 'src/a.ts', 1), d(2, 'file', 'src/b.ts', 2), d(3, 'edit', 'src/a.ts', 3), d(4, 'search', 'TODO', 4)],
    reports: [d(5, 'agent-report', 'Map', 5, 'x\n## Handoff\n### Findings\n- a computes\n### Decisions\n- keep b\n### Open questions\n- why c?\n')],
  });

  it('keeps files in play (edited first when most recent), findings, decisions and open questions', () => {
    expect(set).toEqual({
      sessionId: 's',
      savedAt: 0,
      files: [
        { path: 'src/a.ts', edited: true },
        { path: 'src/b.ts', edited: false },
      ],
      findings: ['a computes'],
      decisions: ['keep b'],
      openQuestions: ['why c?'],
    });
    expect(parseWorkingSet(JSON.stringify(set))).toEqual(set);
    expect(parseWorkingSet('nope')).toBeUndefined();
  });

  it('renders a marked block', () => {
    expect(renderWorkingSet({ ...set, compactionId: 9 }, 5 * 60_000, 500)).toBe(
      [
        '[ctxkit] Working set of this session, kept across compaction (saved 5 min ago):',
        'Files in play: src/a.ts (edited), src/b.ts',
        'Findings:',
        '- a computes',
        'Decisions:',
        '- keep b',
        'Open questions:',
        '- why c?',
        'The compaction summary is kept as #9 (`ctxkit show 9`).',
      ].join('\n'),
    );
    expect(renderWorkingSet({ ...set, files: [], findings: [], decisions: [], openQuestions: [] }, 0, 500)).toBeUndefined();
  });
});
