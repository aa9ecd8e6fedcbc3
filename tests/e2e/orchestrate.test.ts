// /orchestrate end to end with the real CLI: ctxkit installed in a temp git repo (install, install --templates,
// generate), a first session fills the pool, then `claude -p "/orchestrate <goal>"` expands the generated command,
// runs its `!` block (`npx --no ctxkit context -` with the goal in a quoted heredoc, resolved through node_modules/.bin
// in the repo, no network) and the
// scripted model launches two coordinators in parallel, each handing back in the fixed format. The store must show
// both subagents started and both handoffs captured.
// Needs the built package (npm run build).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Script } from '../../scripts/messages-api/server.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude } from './helpers/run-claude.js';
import { hookProblems } from './helpers/transcript-attachments.js';

// Quotes, backticks and `$(...)` in a goal are only text: the ! block passes it through a quoted heredoc.
const GOAL = 'Add a "retry" option to `fetchInvoices` $(touch pwned)';
const CODE_TASK = 'CODE-WORKSTREAM: add retries to fetchInvoices in src/invoices.ts';
const TESTS_TASK = 'TESTS-WORKSTREAM: cover fetchInvoices retries in test/invoices.test.ts';

function handoff(finding: string, file: string): string {
  return [
    'Done.',
    '',
    '## Handoff',
    '### Findings',
    `- ${finding}`,
    '### Files',
    `- ${file}: where the change goes`,
    '### Decisions',
    '- keep the default of no retries',
    '### Open questions',
    '- none',
  ].join('\n');
}
const SEED_TASK = 'Explain how fetchInvoices calls the invoices API';
const SEED_HANDOFF = handoff('fetchInvoices makes a single fetch call and parses the JSON (SEED-HANDOFF)', 'src/invoices.ts:1-4');
const CODE_HANDOFF = handoff('fetchInvoices calls fetch once with no retry (CODE-FINDING)', 'src/invoices.ts:1-4');
const TESTS_HANDOFF = handoff('no test covers fetchInvoices yet (TESTS-FINDING)', 'test/invoices.test.ts:1-1');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** Makes `npx ctxkit` resolve to this checkout inside the repo, as `npm i -D ctxkit` would, without the network. */
function linkCtxkit(repo: string): void {
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(PROJECT_ROOT, join(repo, 'node_modules', 'ctxkit'), 'dir');
  symlinkSync(join('..', 'ctxkit', 'bin', 'ctxkit.js'), join(repo, 'node_modules', '.bin', 'ctxkit'));
}

describe('/orchestrate with the real CLI', () => {
  it('expands the command with the pool block and captures two parallel coordinators and their handoffs', async () => {
    expect(existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'context.js')), 'dist/ is missing: run npm run build').toBe(true);
    const repo = gitRepo({
      'src/invoices.ts': 'export async function fetchInvoices(url: string) {\n  const response = await fetch(url);\n  return response.json();\n}\n',
      'test/invoices.test.ts': '// tests for the invoices client\n',
      '.gitignore': 'node_modules/\n',
    });
    cleanups.push(repo.cleanup);
    linkCtxkit(repo.path);
    const home = makeIsolatedHome();
    const env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') };
    for (const args of [['install'], ['install', '--templates'], ['generate']]) {
      const result = runCli(args, { cwd: repo.path, env });
      expect(result.code, `ctxkit ${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(existsSync(repo.join('.claude', 'commands', 'orchestrate.md'))).toBe(true);

    // A first session reads the client and sends a subagent that hands back what it found, so the pool holds a file
    // and a handoff that bear on the goal.
    const first = await runClaude({
      cwd: repo.path,
      home,
      prompt: 'Read the invoices client',
      allowedTools: ['Read', 'Agent'],
      script: {
        rules: [
          // First matching rule wins: the report once the read is back, else the read.
          { name: 'seed-sub-report', when: { isSubagent: true, toolResultFor: 'toolu_seed_sub_read' }, reply: { text: SEED_HANDOFF } },
          { name: 'seed-sub-read', when: { isSubagent: true, firstUserTextIncludes: SEED_TASK }, reply: { toolUses: [{ name: 'Read', id: 'toolu_seed_sub_read', input: { file_path: repo.join('src/invoices.ts') } }] } },
          { name: 'read', when: { isSubagent: false, lastUserTextIncludes: 'Read the invoices client' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_seed_read', input: { file_path: repo.join('src/invoices.ts') } }] } },
          { name: 'delegate', when: { isSubagent: false, toolResultFor: 'toolu_seed_read' }, reply: { toolUses: [{ name: 'Agent', id: 'toolu_seed_agent', input: { description: 'Explain fetchInvoices', prompt: SEED_TASK, subagent_type: 'general-purpose' } }] } },
          { name: 'done', when: { isSubagent: false, toolResultFor: 'toolu_seed_agent' }, reply: { text: 'fetchInvoices fetches and parses JSON.' } },
        ],
      },
    });
    expect({ code: first.code, timedOut: first.timedOut }).toEqual({ code: 0, timedOut: false });
    expect(first.modelRequests.map((request) => request.matched)).toEqual(['read', 'delegate', 'seed-sub-read', 'seed-sub-report', 'done']);

    const script: Script = {
      rules: [
        { name: 'code-coordinator', when: { isSubagent: true, firstUserTextIncludes: 'CODE-WORKSTREAM' }, reply: { text: CODE_HANDOFF } },
        { name: 'tests-coordinator', when: { isSubagent: true, firstUserTextIncludes: 'TESTS-WORKSTREAM' }, reply: { text: TESTS_HANDOFF } },
        {
          name: 'plan',
          when: { isSubagent: false, lastUserTextIncludes: 'You are the master orchestrator' },
          reply: {
            text: 'Two workstreams: code and tests.',
            toolUses: [
              { name: 'Agent', id: 'toolu_code', input: { description: 'Code workstream', prompt: CODE_TASK, subagent_type: 'code-coordinator' } },
              { name: 'Agent', id: 'toolu_tests', input: { description: 'Tests workstream', prompt: TESTS_TASK, subagent_type: 'tests-coordinator' } },
            ],
          },
        },
        { name: 'merge', when: { isSubagent: false, toolResultFor: 'toolu_code' }, reply: { text: 'Goal: done. Changes: code and tests planned.' } },
      ],
    };
    const run = await runClaude({
      cwd: repo.path,
      home,
      prompt: `/orchestrate ${GOAL}`,
      allowedTools: ['Read', 'Grep', 'Glob', 'Edit', 'Write', 'Bash', 'Agent'],
      script,
      // npx must find ctxkit in the repo; offline, a registry lookup fails instead of leaving the machine.
      env: { NPM_CONFIG_UPDATE_NOTIFIER: 'false', NPM_CONFIG_OFFLINE: 'true' },
      timeoutMs: 55_000,
    });
    cleanups.push(run.cleanup);
    expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
    expect(run.outsideRequests.map((request) => `${request.method} ${request.path} ${JSON.stringify(request.headers.host)}`)).toEqual([]);
    expect(run.modelRequests.map((request) => request.matched).sort()).toEqual(['code-coordinator', 'merge', 'plan', 'tests-coordinator']);
    expect(hookProblems(run.transcriptDir)).toEqual([]);

    // The command expanded: its body with the goal as $ARGUMENTS, and the `!` line replaced by ctxkit context's output,
    // which names the file the first session read.
    const planRequest = run.modelRequests.find((request) => request.matched === 'plan')!;
    const sent = JSON.stringify(planRequest.body.messages);
    expect(sent).toContain(JSON.stringify(`# Orchestrate: ${GOAL}`).slice(1, -1));
    expect(existsSync(repo.join('pwned'))).toBe(false);
    expect(sent).toContain('## What the pool already knows');
    expect(sent).not.toContain('npx --no ctxkit context');
    expect(sent).not.toContain('Shell command permission check failed');
    const poolBlock = sent.slice(sent.indexOf('## What the pool already knows'), sent.indexOf('The block above is what earlier sessions'));
    expect(poolBlock).toContain('src/invoices.ts');
    expect(poolBlock).not.toContain('nothing in the pool');

    // Both coordinators ran as their generated agents, in parallel from one message.
    const subagentRequests = run.modelRequests.filter((request) => request.role === 'subagent');
    expect(new Set(subagentRequests.map((request) => request.agentId)).size).toBe(2);
    // The code coordinator started with the first session's handoff injected (SubagentStart reaches the subagent itself).
    const codeStart = subagentRequests.find((request) => request.matched === 'code-coordinator')!;
    const codeSent = JSON.stringify(codeStart.body.messages);
    expect(codeSent).toContain('[ctxkit]');
    expect(codeSent).toContain('SEED-HANDOFF');

    const sessionId = run.result?.session_id as string;
    const db = new Database(repo.join('.ctxkit', 'ctxkit.db'), { readonly: true, fileMustExist: true });
    try {
      // SubagentStart fired for each coordinator (started_at), paired with the Agent call that launched it.
      const agents = db.prepare('SELECT agent_type, tool_use_id, started_at, stopped_at FROM agents WHERE session_id = ? ORDER BY agent_type').all(sessionId) as Array<Record<string, unknown>>;
      expect(agents).toEqual([
        { agent_type: 'code-coordinator', tool_use_id: 'toolu_code', started_at: expect.any(Number), stopped_at: expect.any(Number) },
        { agent_type: 'tests-coordinator', tool_use_id: 'toolu_tests', started_at: expect.any(Number), stopped_at: expect.any(Number) },
      ]);
      // Each handoff was captured as an agent report with its task.
      const reports = db
        .prepare("SELECT d.agent_type, d.summary, h.task FROM discoveries d JOIN handoffs h ON h.discovery_id = d.id WHERE d.session_id = ? AND d.kind = 'agent-report' ORDER BY d.agent_type")
        .all(sessionId) as Array<{ agent_type: string; summary: string; task: string }>;
      expect(reports.map((report) => [report.agent_type, report.task])).toEqual([
        ['code-coordinator', CODE_TASK],
        ['tests-coordinator', TESTS_TASK],
      ]);
      expect(reports[0].summary).toContain('CODE-FINDING');
      expect(reports[1].summary).toContain('TESTS-FINDING');
    } finally {
      db.close();
    }
    // The hook log only exists when something was logged; it must hold no error.
    const logFile = repo.join('.ctxkit', 'hooks.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
    expect(log.filter((line) => line.split('\t')[2] === 'error')).toEqual([]);
  }, 90_000);
});
