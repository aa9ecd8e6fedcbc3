import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './helpers/run-cli.js';

// We use what we ship: this repository's .claude/ commands, agents and context files are generated
// from templates/, and a template change without a regenerate must fail here (and in CI).
describe('this repository\'s generated files', () => {
  it('are up to date with templates/ (ctxkit generate --check exits 0)', () => {
    const result = runCli(['generate', '--check'], { cwd: PROJECT_ROOT });
    expect(result.stderr.split('\n').filter((line) => line.includes(': error:'))).toEqual([]);
    expect(result.stdout).toContain('generated file(s) are up to date');
    expect(result.code).toBe(0);
  });
});
