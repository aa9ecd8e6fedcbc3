import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', { before: 'a', after: 'b' })).toBe('');
  });

  it('shows an added block with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const after = ['1', '2', '3', '4', 'new', '5', '6', '7', '8'].join('\n') + '\n';
    expect(unifiedDiff(before, after, { before: 'a/x', after: 'b/x' })).toBe(
      ['--- a/x', '+++ b/x', '@@ -2,6 +2,7 @@', ' 2', ' 3', ' 4', '+new', ' 5', ' 6', ' 7', ''].join('\n'),
    );
  });

  it('shows a new file and a deleted file against /dev/null', () => {
    expect(unifiedDiff(undefined, 'a\nb\n', { before: 'x', after: 'x' })).toBe('--- /dev/null\n+++ x\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a\n', undefined, { before: 'x', after: 'x' })).toBe('--- x\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('shows a change with context, deletions before insertions', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff(before, after, { before: 'a/f.md', after: 'b/f.md' })).toBe('--- a/f.md\n+++ b/f.md\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
  });

  it('splits far-apart changes into separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
    const after = before.replace('l1\n', 'L1\n').replace('l18\n', 'L18\n');
    expect(unifiedDiff(before, after, { before: 'a', after: 'b' }).match(/^@@/gm)).toHaveLength(2);
  });
});
