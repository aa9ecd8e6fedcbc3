import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from './helpers/run-cli.js';
import { testdir, type TestDir } from './helpers/testdir.js';

describe('ctxkit compress', () => {
  let fixture: TestDir;
  let dir: string;
  afterAll(() => fixture.cleanup());
  beforeAll(() => {
    const log = [
      '$ npm test',
      ...Array.from({ length: 200 }, (_, i) => `PASS src/case${i}.test.ts`),
      'FAIL src/store.test.ts',
      '  Expected 3, received 4',
      'Tests: 1 failed, 200 passed',
    ].join('\n');
    fixture = testdir({
      'build.log': log,
      'src/store.ts': 'export function open(path: string): Store {\n  const db = connect(path);\n  return wrap(db);\n}\n',
      'data.json': JSON.stringify({ a: null, items: [1, 2, 3, 4, 5] }, null, 2),
    });
    dir = fixture.path;
  });

  it('prints the skeleton of a source file and the token counts on stderr', () => {
    const result = runCli(['compress', 'src/store.ts'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('export function open(path: string): Store { … }\n');
    expect(result.stderr).toMatch(/^ctxkit compress: code, \d+ → \d+ tokens \(\d+%\)/);
  });

  it('reads stdin with -, honours --kind and --budget, and keeps the failure', () => {
    const log = runCli(['compress', 'build.log'], { cwd: dir });
    const result = runCli(['compress', '-', '--kind', 'log', '--budget', '60'], { cwd: dir, input: log.stdout });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FAIL src/store.test.ts');
    expect(result.stdout).toContain('Tests: 1 failed, 200 passed');
    expect(result.stderr).toMatch(/ctxkit compress: log, \d+ → \d+ tokens/);
  });

  it('prints JSON with --json', () => {
    const result = runCli(['compress', 'data.json', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { kind: string; text: string; tokensBefore: number; tokensAfter: number };
    expect(parsed.kind).toBe('json');
    expect(parsed.text).toBe('{"items":[1,2,3,"… 2 more of 5"]}');
    expect(parsed.tokensAfter).toBeLessThan(parsed.tokensBefore);
  });

  it('--llm prints a verified model summary from the configured endpoint', async () => {
    const { startMessagesApi } = await import('../scripts/messages-api/server.js');
    const api = await startMessagesApi({ script: { default: { text: 'FAIL src/store.test.ts: Expected 3, received 4.' } } });
    try {
      fixture.write('ctxkit.config.json', JSON.stringify({ llm: { enabled: true } }));
      // The stand-in runs in this process, so the CLI must be spawned without blocking the event loop.
      const result = await runCliAsync(['compress', 'build.log', '--llm'], { cwd: dir, env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: api.url } });
      expect(result.stdout).toBe('FAIL src/store.test.ts: Expected 3, received 4.\n');
      expect(result.stderr).toMatch(/log \(model summary\)/);
      expect(api.messageRequests()).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('--llm without configuration says what is missing', () => {
    const result = runCli(['compress', 'build.log', '--llm'], { cwd: dir, env: { ANTHROPIC_API_KEY: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--llm needs "llm": \{"enabled": true\}/);
  });

  it.each([
    [['compress'], /Missing <file\|->/],
    [['compress', 'a', '--kind', 'xml'], /Unknown --kind 'xml'/],
    [['compress', 'a', '--budget', 'ten'], /--budget expects a positive whole number/],
    [['compress', 'missing.txt'], /Cannot read 'missing.txt': ENOENT/],
  ])('fails clearly on %j', (args, message) => {
    const result = runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
