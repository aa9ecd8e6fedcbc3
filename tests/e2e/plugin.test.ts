// ctxkit as a Claude Code plugin: the real CLI loads this repository with --plugin-dir in a temp git repo where
// `ctxkit install` never ran. The plugin's hooks/hooks.json must fire (rows in the temp repo's store: the hooks get
// CLAUDE_PROJECT_DIR = the temp repo), its command and agents must be offered, and doctor must count the hooks once.
// Needs the built package (npm run build): the plugin's hooks run dist/hooks/entry.cjs.
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Script } from '../../scripts/messages-api/server.js';
import { PROJECT_ROOT, runCli } from '../helpers/run-cli.js';
import { gitRepo } from './helpers/git-repo.js';
import { makeIsolatedHome, runClaude } from './helpers/run-claude.js';
import { hookProblems } from './helpers/transcript-attachments.js';

const ENTRY = join(PROJECT_ROOT, 'dist', 'hooks', 'entry.cjs');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function script(file: string): Script {
  return {
    rules: [
      { name: 'read', when: { isSubagent: false, lastUserTextIncludes: 'Read the notes' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_plugin_read', input: { file_path: file } }] } },
      { name: 'answer', when: { isSubagent: false, toolResultFor: 'toolu_plugin_read' }, reply: { text: 'The notes name the deploy target.' } },
    ],
  };
}

describe('ctxkit as a plugin (--plugin-dir)', () => {
  it('fires the plugin hooks into the project store without ctxkit install, and doctor counts them once', async () => {
    expect(existsSync(ENTRY), 'dist/hooks/entry.cjs is missing: run npm run build').toBe(true);
    const repo = gitRepo({ 'notes.md': '# Notes\n\nDeploy target: staging.\n' });
    cleanups.push(repo.cleanup);
    const home = makeIsolatedHome();
    const run = await runClaude({
      cwd: repo.path,
      home,
      prompt: 'Read the notes file',
      allowedTools: ['Read', 'Bash'],
      extraArgs: ['--plugin-dir', PROJECT_ROOT],
      env: { CTXKIT_DEBUG: '1' },
      script: script(repo.join('notes.md')),
    });
    cleanups.push(run.cleanup);
    expect({ code: run.code, timedOut: run.timedOut, stderr: run.stderr }).toEqual({ code: 0, timedOut: false, stderr: '' });
    expect(run.outsideRequests).toEqual([]);
    expect(run.modelRequests.map((request) => request.matched)).toEqual(['read', 'answer']);
    expect(existsSync(repo.join('.claude', 'settings.json'))).toBe(false);

    // The plugin's command and agents are offered, namespaced by the plugin's name.
    const firstRequest = JSON.stringify(run.modelRequests[0].body);
    expect(firstRequest).toContain('ctxkit:orchestrate');
    for (const domain of ['code', 'docs', 'config', 'tests']) expect(firstRequest).toContain(`ctxkit:${domain}-coordinator`);

    // Claude Code ran the plugin's hooks (command with ${CLAUDE_PLUGIN_ROOT} substituted) without a failure.
    expect(hookProblems(run.transcriptDir)).toEqual([]);
    const sessionId = run.result?.session_id as string;
    const storeFile = repo.join('.ctxkit', 'ctxkit.db');
    expect(existsSync(storeFile), 'the plugin hooks wrote no store in the project').toBe(true);
    const db = new Database(storeFile, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT id, source FROM sessions WHERE id = ?').get(sessionId)).toEqual({ id: sessionId, source: 'startup' });
      const read = db.prepare('SELECT kind, key, tool_name FROM discoveries WHERE tool_use_id = ?').get('toolu_plugin_read') as Record<string, unknown> | undefined;
      expect(read).toMatchObject({ kind: 'file', tool_name: 'Read' });
      expect(['notes.md', repo.join('notes.md')]).toContain(read?.key);
      // Each event was handled once: one session row, one discovery for the Read.
      expect(db.prepare('SELECT count(*) AS n FROM discoveries WHERE tool_use_id = ?').get('toolu_plugin_read')).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    const log = readFileSync(repo.join('.ctxkit', 'hooks.log'), 'utf8').split('\n').filter(Boolean);
    expect(log.filter((line) => line.split('\t')[2] === 'error')).toEqual([]);

    // The plugin's /ctxkit:orchestrate runs the plugin's own CLI in its `!` line (no ctxkit in the repo's
    // node_modules) and the pool block it prints names what the first session read.
    const orchestrate = await runClaude({
      cwd: repo.path,
      home,
      prompt: '/ctxkit:orchestrate Change the deploy target in the notes',
      allowedTools: ['Read', 'Agent'],
      extraArgs: ['--plugin-dir', PROJECT_ROOT],
      script: { rules: [], default: { text: 'Goal: planned.' } },
    });
    expect({ code: orchestrate.code, timedOut: orchestrate.timedOut }).toEqual({ code: 0, timedOut: false });
    const sent = JSON.stringify(orchestrate.modelRequests[0]?.body.messages ?? []);
    expect(sent).toContain('# Orchestrate: Change the deploy target in the notes');
    const poolBlock = sent.slice(sent.indexOf('## What the pool already knows'), sent.indexOf('The block above is what earlier sessions'));
    expect(poolBlock).toContain('notes.md');
    expect(sent).toContain(`Read ${PROJECT_ROOT.replace(/\/$/, '')}/plugin/context/orchestrate/merge.md when`);

    // doctor, told about the --plugin-dir, finds the plugin's hooks once and none in the settings.
    const env = { HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude'), CLAUDE_PROJECT_DIR: '', CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS: '' };
    const doctor = runCli(['doctor', '--json', '--plugin-dir', PROJECT_ROOT], { cwd: repo.path, env });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    const checks = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; status: string; finding: string }> }).checks;
    const byId = (id: string) => checks.find((entry) => entry.id === id);
    expect(byId('hooks-installed')).toMatchObject({ status: 'ok', finding: expect.stringMatching(/^ctxkit hooks are installed once: plugin ctxkit \(--plugin-dir .*\) \(\d+ events\)\.$/) });
    expect(byId('hook-run')).toMatchObject({ status: 'ok' });
    expect(byId('store')).toMatchObject({ status: 'ok', finding: expect.stringContaining('is current') });
    // A plugin's SessionEnd timeout does not raise Claude Code's 1.5 s SessionEnd budget.
    expect(byId('session-end-budget')).toMatchObject({ status: 'warn' });

    // Installing into the settings as well would run every event twice: doctor fails.
    expect(runCli(['install', '--force'], { cwd: repo.path, env }).code).toBe(0);
    const twice = runCli(['doctor', '--json', '--plugin-dir', PROJECT_ROOT, '--skip-run'], { cwd: repo.path, env });
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout).checks.find((entry: { id: string }) => entry.id === 'hooks-installed').finding).toMatch(/installed 2 times/);
  });
});
