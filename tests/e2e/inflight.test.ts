// In-flight compression with the real Claude Code CLI (2.1.197) and the Messages API stand-in: ctxkit is installed
// into a fixture project, a scripted session runs a real failing test run (node --test), a real type-check with
// errors (this repo's typescript), a wide Grep and Glob, a CTXKIT_RAW=1 run and a failing command; the recorded
// requests show what the model received. Needs the built package (`npm run build`); the hooks run a private snapshot
// of dist/ so a parallel rebuild cannot pull the entry away mid-session.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lastToolResults, toolResultText } from '../../scripts/messages-api/inspect-request.js';
import type { RecordedRequest, Script } from '../../scripts/messages-api/server.js';
import { runCtxkit } from '../fixtures/hooks/run-hook-process.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude } from './helpers/run-claude.js';
import { hookProblems } from './helpers/transcript-attachments.js';

const PROJECTS = fileURLToPath(new URL('../fixtures/inflight/projects/', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function resultFor(requests: RecordedRequest[], id: string): { text: string; isError: boolean } {
  for (const request of requests) {
    const block = lastToolResults(request.body).find((result) => result.tool_use_id === id);
    if (block) return { text: toolResultText(block), isError: block.is_error === true };
  }
  throw new Error(`no tool_result for ${id}`);
}

const MODULES = 200;

/** Files for a wide search: 200 modules in 8 folders, each exporting one function. */
function wideTree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < MODULES; i++) files[`lib/area${i % 8}/module${i}.ts`] = `export function handler${i}(input: string) {\n  return input.trim();\n}\n`;
  return files;
}

const steps = (run: string[]) => run.map((command, i) => ({ name: 'Bash', id: `toolu_bash_${i}`, input: { command, description: `step ${i}` } }));

describe('in-flight compression in a real Claude Code session', () => {
  it('the model receives reduced test, type-check, Grep and Glob output with every failure and file, and ctxkit show returns the original', async () => {
    const repo = gitRepo(wideTree());
    cleanups.push(repo.cleanup);
    cpSync(join(PROJECTS, 'node-test'), repo.join('tests-node'), { recursive: true });
    cpSync(join(PROJECTS, 'tsc'), repo.join('typed'), { recursive: true });
    const home = makeIsolatedHome();
    const env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') };
    expect(runCtxkit(['install'], { cwd: repo.path, env })).toMatchObject({ code: 0 });

    const commands = [
      '(cd tests-node && node --test); true',
      `node ${TSC} -p typed --noEmit; true`,
      'CTXKIT_RAW=1 node --test tests-node/; true',
      '(cd tests-node && node --test)',
    ];
    const script: Script = {
      rules: [
        { name: 'search', when: { lastUserTextIncludes: 'Check the project' }, reply: { toolUses: [{ name: 'Grep', id: 'toolu_grep', input: { pattern: 'export function', output_mode: 'content' } }, { name: 'Glob', id: 'toolu_glob', input: { pattern: '**/*.ts' } }] } },
        { name: 'run', when: { toolResultFor: 'toolu_glob' }, reply: { toolUses: steps(commands) } },
        { name: 'answer', when: { toolResultFor: 'toolu_bash_0' }, reply: { text: 'Three tests fail and the types do not check.' } },
      ],
    };
    const run = await runClaude({ cwd: repo.path, home, prompt: 'Check the project', allowedTools: ['Read', 'Grep', 'Glob', 'Bash'], script, timeoutMs: 55_000 });
    cleanups.push(run.cleanup);
    expect({ code: run.code, timedOut: run.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(run.outsideRequests).toEqual([]);
    expect(hookProblems(run.transcriptDir)).toEqual([]);

    const show = (text: string) => {
      // The replacement ends with this line; Claude Code may add its own note after it (Glob truncation, Grep pagination).
      const match = /^\[ctxkit: (\w+) output reduced from ~(\d+) to ~(\d+) tokens\. Full output: ctxkit show (\d+) /m.exec(text);
      expect(match, `last line of:\n${text.slice(-400)}`).not.toBeNull();
      const shown = runCtxkit(['show', match![4]], { cwd: repo.path, env });
      expect(shown.code).toBe(0);
      return { family: match![1], before: Number(match![2]), after: Number(match![3]), original: shown.stdout };
    };

    // A real failing test run, exit 0 through `; true`: failing names, messages and the summary, passing cases gone.
    const tests = resultFor(run.modelRequests, 'toolu_bash_0');
    for (const fact of ['not ok 3 - rounds half to even', 'not ok 4 - parses negative exponent', 'not ok 5 - rejects empty input', 'ERR_ASSERTION', '-0.001 !== -0.01', 'Missing expected exception.', '# pass 70', '# fail 3']) expect(tests.text).toContain(fact);
    expect(tests.text).not.toContain('adds 11 and 12');
    const testShown = show(tests.text);
    expect(testShown.family).toBe('test');
    expect(testShown.original).toContain('ok 12 - adds 11 and 12');
    expect(testShown.original.length).toBeGreaterThan(tests.text.length * 3);

    // A real type-check with errors: every code, every distinct message and every file.
    const types = resultFor(run.modelRequests, 'toolu_bash_1');
    for (const fact of ['TS2322', 'TS2339', 'TS2551', 'TS7006', "Property 'discount' does not exist on type 'Order'.", "Parameter 'items' implicitly has an 'any' type."]) expect(types.text).toContain(fact);
    for (let i = 1; i <= 6; i++) expect(types.text).toContain(`typed/src/orders${i}.ts`);
    const typesShown = show(types.text);
    expect(typesShown.family).toBe('lint');
    expect(typesShown.original).toContain("typed/src/invoices.ts(8,30): error TS2339: Property 'discount' does not exist on type 'Order'.");

    // Wide Grep and Glob: every file still named.
    const grep = resultFor(run.modelRequests, 'toolu_grep');
    const glob = resultFor(run.modelRequests, 'toolu_glob');
    for (let i = 0; i < MODULES; i++) expect(grep.text).toContain(`lib/area${i % 8}/module${i}.ts`);
    // Claude Code's Glob returns at most 100 paths; each one it returned is still named.
    const globShown = show(glob.text);
    expect(globShown.family).toBe('listing');
    const globbed = globShown.original.trim().split('\n');
    expect(globbed.length).toBeGreaterThanOrEqual(100);
    for (const path of globbed) expect(glob.text).toContain(path.slice(path.lastIndexOf('/') + 1));
    expect(show(grep.text).original).toContain('lib/area0/module0.ts:1:export function handler0(input: string) {');

    // CTXKIT_RAW=1 arrives untouched: every passing case is there and no ctxkit line.
    const raw = resultFor(run.modelRequests, 'toolu_bash_2');
    expect(raw.text).toContain('ok 12 - adds 11 and 12');
    expect(raw.text).not.toContain('ctxkit show');

    // A failing command (exit 1) fires PostToolUseFailure: Claude Code sends "Exit code 1" and the output itself,
    // and no hook can replace it (updatedToolOutput exists only for PostToolUse).
    const failed = resultFor(run.modelRequests, 'toolu_bash_3');
    expect(failed.isError).toBe(true);
    expect(failed.text).toMatch(/^Exit code 1\n/);
    expect(failed.text).not.toContain('ctxkit show');

    // Every replacement was recorded for stats, with its family.
    const stats = runCtxkit(['stats', '--json'], { cwd: repo.path, env });
    expect(stats.code, stats.stderr).toBe(0);
    const inflight = JSON.parse(stats.stdout).totals.savings.find((line: { method: string }) => line.method === 'inflight-compression');
    expect(inflight.count).toBe(4);
    expect(inflight.tokens).toBeGreaterThan(testShown.before - testShown.after);
    const log = repo.join('.ctxkit/hooks.log');
    if (existsSync(log)) expect(readFileSync(log, 'utf8')).not.toMatch(/\terror\t/);
  }, 60_000);
});
