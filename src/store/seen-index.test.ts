import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { finderKey, findersThatSaw, markSeen, seenElsewhere } from './seen-index.js';

describe('seen index', () => {
  let dir: TestDir;
  afterEach(() => dir?.cleanup());

  it('answers no for content nobody captured, and yes only for other finders', () => {
    dir = testdir();
    const hash = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
    expect(seenElsewhere(dir.path, hash, 'session-1')).toBe(false);
    markSeen(dir.path, hash, 'session-1');
    markSeen(dir.path, hash, 'session-1');
    expect(seenElsewhere(dir.path, hash, 'session-1')).toBe(false);
    expect(seenElsewhere(dir.path, hash, 'session-2')).toBe(true);
    expect(seenElsewhere(dir.path, hash, finderKey('session-1', 'agent-7'))).toBe(true);
    expect(findersThatSaw(dir.path, hash)).toEqual(['session-1']);
    // Marking again adds no line: the file stays one line per finder however often a session re-reads.
    expect(readFileSync(join(dir.path, 'seen', hash.slice(0, 2), hash.slice(2)), 'utf8')).toBe('session-1\n');
  });

  it('ignores hashes that are not hex rather than writing outside the index', () => {
    dir = testdir();
    markSeen(dir.path, '../../etc/passwd', 'session-1');
    expect(findersThatSaw(dir.path, '../../etc/passwd')).toEqual([]);
  });
});
