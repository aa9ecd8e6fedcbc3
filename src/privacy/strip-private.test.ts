import { describe, expect, it } from 'vitest';
import { stripPrivate } from './strip-private.js';
import { sanitizeText } from './sanitize-text.js';
import { isExcludedPath } from './is-excluded-path.js';
import { defaultConfig } from '../config/defaults.js';

describe('stripPrivate', () => {
  const cases = [
    { input: 'keep <private>drop me</private> keep', expected: 'keep [REDACTED:private] keep' },
    { input: 'a <PRIVATE>x\ny</PRIVATE> b <private>z</private>', expected: 'a [REDACTED:private] b [REDACTED:private]' },
    { input: 'open <private>never closed\nmore', expected: 'open [REDACTED:private]' },
    { input: 'no tags', expected: 'no tags' },
  ];
  for (const { input, expected } of cases) {
    it(JSON.stringify(input), () => expect(stripPrivate(input).text).toBe(expected));
  }
});

describe('sanitizeText', () => {
  it('drops private spans and redacts secrets', () => {
    expect(sanitizeText('<private>TOKEN=abc</private> API_KEY=zzz')).toBe('[REDACTED:private] API_KEY=[REDACTED:env]');
  });
});

describe('isExcludedPath', () => {
  const root = '/home/dev/proj';
  const globs = defaultConfig.privacy.exclude;
  const cases: Array<[string, boolean]> = [
    ['/home/dev/proj/.env', true],
    ['/home/dev/proj/.env.local', true],
    ['/home/dev/proj/config/.env.production', true],
    ['/home/dev/proj/certs/server.pem', true],
    ['/home/dev/.ssh/id_rsa', true],
    ['/home/dev/proj/src/env.ts', false],
    ['/home/dev/proj/README.md', false],
    ['src/.env', true],
  ];
  for (const [path, expected] of cases) {
    it(`${path} -> ${expected}`, () => expect(isExcludedPath(path, root, globs)).toBe(expected));
  }
  it('honours project-relative globs', () => {
    expect(isExcludedPath('/home/dev/proj/secrets/a.txt', root, ['secrets/**'])).toBe(true);
    expect(isExcludedPath('/home/dev/proj/src/a.txt', root, ['secrets/**'])).toBe(false);
  });
});
