import { describe, expect, it } from 'vitest';
import { diffLines } from './diff-lines.js';

describe('diffLines', () => {
  it('is empty for equal texts', () => {
    expect(diffLines('a\nb\n', 'a\nb\n', 'f.md')).toBe('');
  });

  it('shows a change with context, deletions before insertions', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(diffLines(before, after, 'f.md')).toBe('--- a/f.md\n+++ b/f.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
  });

  it('diffs a created and a deleted file against /dev/null', () => {
    expect(diffLines('', 'x\n', 'n.md')).toBe('--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,1 @@\n+x\n');
    expect(diffLines('x\n', '', 'n.md')).toBe('--- a/n.md\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n');
  });

  it('splits distant changes into separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l1\n', 'L1\n').replace('l18', 'L18');
    expect(diffLines(before, after, 'f.md').match(/^@@/gm)).toHaveLength(2);
  });
});
