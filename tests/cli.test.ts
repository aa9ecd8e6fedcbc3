import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, PROJECT_ROOT } from './helpers/run-cli.js';

describe('ctxkit CLI', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string };
    const result = runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('prints help listing commands', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: ctxkit <command>');
  });

  it('rejects an unknown command with exit 2 and a clear message', () => {
    const result = runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
