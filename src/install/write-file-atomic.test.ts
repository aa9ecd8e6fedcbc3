import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../tests/helpers/testdir.js';
import { writeFileAtomic } from './write-file-atomic.js';

let dir: TestDir | undefined;
afterEach(() => dir?.cleanup());

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its mode and leaves no temporary file behind', async () => {
    dir = testdir({ 'a/settings.json': '{}' });
    const file = dir.join('a/settings.json');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, '{"x":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"x":1}\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir.join('a'))).toEqual(['settings.json']);
  });

  it('creates missing folders for a new file', async () => {
    dir = testdir();
    await writeFileAtomic(dir.join('x/y/z.json'), 'text');
    expect(readFileSync(dir.join('x/y/z.json'), 'utf8')).toBe('text');
  });

  it('fails without touching the target when the folder is a file', async () => {
    dir = testdir({ blocker: 'data' });
    await expect(writeFileAtomic(dir.join('blocker/z.json'), 'text')).rejects.toThrow();
    expect(readFileSync(dir.join('blocker'), 'utf8')).toBe('data');
  });
});
