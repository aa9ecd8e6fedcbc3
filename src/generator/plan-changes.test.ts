import { describe, expect, it } from 'vitest';
import type { CompiledOutput } from './compile-types.js';
import { assembleOutput } from './compile-templates.js';
import { planChanges } from './plan-changes.js';

function output(path: string, body: string[]): CompiledOutput {
  const { content, lines } = assembleOutput([], `templates/${path}`, body);
  return { path, content, lines, kind: 'command', budget: 140, from: `templates/${path}` };
}

const fresh = output('commands/a.md', ['new']);
const old = output('commands/a.md', ['old']);

describe('planChanges', () => {
  const cases: { name: string; existing: { path: string; content: string }[]; force?: boolean; expected: [string, string, string][] }[] = [
    { name: 'creates a missing output', existing: [], expected: [['commands/a.md', 'create', 'missing']] },
    { name: 'leaves an identical output alone', existing: [{ path: 'commands/a.md', content: fresh.content }], expected: [['commands/a.md', 'unchanged', 'ok']] },
    { name: 'updates a stale generated output', existing: [{ path: 'commands/a.md', content: old.content }], expected: [['commands/a.md', 'update', 'stale']] },
    {
      name: 'blocks a hand-edited output',
      existing: [{ path: 'commands/a.md', content: old.content.replace('old', 'my edit') }],
      expected: [['commands/a.md', 'blocked', 'hand-edited']],
    },
    {
      name: 'overwrites a hand-edited output with force',
      existing: [{ path: 'commands/a.md', content: old.content.replace('old', 'my edit') }],
      force: true,
      expected: [['commands/a.md', 'update', 'hand-edited']],
    },
    { name: 'blocks a hand-written file in the way', existing: [{ path: 'commands/a.md', content: '# mine\n' }], expected: [['commands/a.md', 'blocked', 'not-generated']] },
    {
      name: 'deletes an orphaned generated file but never a hand-written one',
      existing: [
        { path: 'commands/a.md', content: fresh.content },
        { path: 'commands/gone.md', content: output('commands/gone.md', ['x']).content },
        { path: 'commands/mine.md', content: '# mine\n' },
      ],
      expected: [
        ['commands/a.md', 'unchanged', 'ok'],
        ['commands/gone.md', 'delete', 'orphaned'],
      ],
    },
    {
      name: 'keeps an orphan that was edited by hand unless forced',
      existing: [{ path: 'commands/gone.md', content: output('commands/gone.md', ['body']).content.replace('body', 'edited') }],
      expected: [
        ['commands/a.md', 'create', 'missing'],
        ['commands/gone.md', 'blocked', 'hand-edited'],
      ],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const changes = planChanges([fresh], testCase.existing, { force: testCase.force });
      expect(changes.map((change) => [change.path, change.action, change.status])).toEqual(testCase.expected);
    });
  }
});
