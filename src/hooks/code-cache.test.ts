import { describe, expect, it } from 'vitest';
import { codeCacheDir } from './code-cache.js';

const base = { platform: 'linux' as NodeJS.Platform, home: '/home/dev', nodeVersion: 'v20.20.2', arch: 'x64' };

describe('codeCacheDir', () => {
  it('is the user cache folder, one subfolder per Node version and architecture', () => {
    expect(codeCacheDir({ ...base, env: {} })).toBe('/home/dev/.cache/ctxkit/code-cache/v20.20.2-x64');
    expect(codeCacheDir({ ...base, env: { XDG_CACHE_HOME: '/xdg' } })).toBe('/xdg/ctxkit/code-cache/v20.20.2-x64');
    expect(codeCacheDir({ ...base, platform: 'darwin', env: {} })).toBe('/home/dev/Library/Caches/ctxkit/code-cache/v20.20.2-x64');
  });
  it('follows CTXKIT_CODE_CACHE, which can also turn it off', () => {
    expect(codeCacheDir({ ...base, env: { CTXKIT_CODE_CACHE: '/tmp/cc' } })).toBe('/tmp/cc/v20.20.2-x64');
    for (const off of ['off', 'OFF', '0', 'false', 'no']) expect(codeCacheDir({ ...base, env: { CTXKIT_CODE_CACHE: off } })).toBeUndefined();
  });
  it('has no folder without a home (or LOCALAPPDATA on Windows)', () => {
    expect(codeCacheDir({ ...base, home: undefined, env: {} })).toBeUndefined();
    expect(codeCacheDir({ ...base, platform: 'win32', env: {} })).toBeUndefined();
    expect(codeCacheDir({ ...base, platform: 'win32', env: { LOCALAPPDATA: 'C:/Users/dev/AppData/Local' } })).toMatch(/ctxkit[\\/]code-cache[\\/]v20\.20\.2-x64$/);
  });
});
