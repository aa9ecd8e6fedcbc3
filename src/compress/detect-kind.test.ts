import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind.js';

describe('detectKind', () => {
  it.each([
    { text: 'a.ts\nb.ts', hints: { toolName: 'Glob' }, kind: 'glob' },
    { text: 'src/a.ts:1:x', hints: { toolName: 'Grep' }, kind: 'grep' },
    { text: 'src/a.ts\nsrc/b.ts', hints: { toolName: 'Grep' }, kind: 'glob' },
    { text: 'Done. All good.', hints: { toolName: 'Agent' }, kind: 'report' },
    { text: 'compiling...\nok', hints: { toolName: 'Bash' }, kind: 'log' },
    { text: '{"ok":true}', hints: { command: 'curl x' }, kind: 'json' },
    { text: 'export const a = 1;', hints: { path: 'src/a.ts' }, kind: 'code' },
    { text: 'def f(): pass', hints: { path: 'x/y.py' }, kind: 'code' },
    { text: '{"a":1}', hints: { path: 'package.json' }, kind: 'json' },
    { text: '# T\n\ntext', hints: { path: 'README.md' }, kind: 'markdown' },
    { text: '[1,2,3]', hints: {}, kind: 'json' },
    { text: 'src/a.ts:10:foo\nsrc/b.ts:2:bar', hints: {}, kind: 'grep' },
    { text: '/r/src/a.ts\n/r/src/b.ts\n/r/c.md', hints: {}, kind: 'glob' },
    { text: '2024-01-01 10:00:00 INFO up\n2024-01-01 10:00:01 ERROR down', hints: {}, kind: 'log' },
    { text: '# Title\n\n- one\n- two', hints: {}, kind: 'markdown' },
    { text: 'alpha\nbeta', hints: {}, kind: 'text' },
  ] as const)('$kind from $hints', ({ text, hints, kind }) => {
    expect(detectKind(text, hints)).toBe(kind);
  });
});
