// ctxkit install --templates through the built CLI: copies the orchestrator templates, never over the user's files
// unless --force, and `ctxkit generate` then compiles them into /orchestrate and the coordinator agents.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ORCHESTRATOR_TEMPLATES } from '../src/install/orchestrator-templates.js';
import { PROJECT_ROOT, runCli } from './helpers/run-cli.js';
import { testdir } from './helpers/testdir.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const shipped = (path: string) => readFileSync(join(PROJECT_ROOT, 'templates', path), 'utf8');

describe('ctxkit install --templates', () => {
  it('copies the orchestrator templates (and not the dev ones), then generate builds /orchestrate and the coordinators', () => {
    const project = testdir({ 'README.md': '# sample\n' });
    cleanups.push(project.cleanup);
    const result = runCli(['install', '--templates'], { cwd: project.path });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Copied ${ORCHESTRATOR_TEMPLATES.length} of ctxkit's ${ORCHESTRATOR_TEMPLATES.length} orchestrator templates into templates/.`);
    expect(result.stdout).toContain('run `ctxkit generate`');
    for (const path of ORCHESTRATOR_TEMPLATES) expect(readFileSync(project.join('templates', path), 'utf8')).toBe(shipped(path));
    expect(existsSync(project.join('templates', 'commands', 'dev'))).toBe(false);
    expect(existsSync(project.join('templates', 'agents', 'ctxkit-reviewer.md'))).toBe(false);
    expect(existsSync(project.join('.claude'))).toBe(false);

    const generate = runCli(['generate'], { cwd: project.path });
    expect(generate.code, generate.stdout + generate.stderr).toBe(0);
    expect(readFileSync(project.join('.claude', 'commands', 'orchestrate.md'), 'utf8')).toContain("```!\nnpx --no ctxkit context - <<'CTXKIT_GOAL'\n$ARGUMENTS\nCTXKIT_GOAL\n```");
    for (const domain of ['code', 'docs', 'config', 'tests']) expect(existsSync(project.join('.claude', 'agents', `${domain}-coordinator.md`))).toBe(true);
  });

  it("never overwrites a template the user changed, says so, and overwrites it with --force", () => {
    const project = testdir({ 'templates/partials/pool-rules.md': '- my own pool rules\n' });
    cleanups.push(project.cleanup);
    const first = runCli(['install', '--templates'], { cwd: project.path });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('skipped:     templates/partials/pool-rules.md (yours differs; --force overwrites it)');
    expect(readFileSync(project.join('templates/partials/pool-rules.md'), 'utf8')).toBe('- my own pool rules\n');

    const again = runCli(['install', '--templates', '--json'], { cwd: project.path });
    const files = JSON.parse(again.stdout).templates.files as Array<{ path: string; action: string }>;
    expect(files.filter((file) => file.action !== 'unchanged')).toEqual([{ path: 'partials/pool-rules.md', action: 'skip' }]);

    const dry = runCli(['install', '--templates', '--force', '--dry-run'], { cwd: project.path });
    expect(dry.stdout).toContain('would overwrite: templates/partials/pool-rules.md');
    expect(readFileSync(project.join('templates/partials/pool-rules.md'), 'utf8')).toBe('- my own pool rules\n');

    const forced = runCli(['install', '--templates', '--force'], { cwd: project.path });
    expect(forced.stdout).toContain('overwritten: templates/partials/pool-rules.md');
    expect(readFileSync(project.join('templates/partials/pool-rules.md'), 'utf8')).toBe(shipped('partials/pool-rules.md'));
  });

  it('writes into the templates folder named in ctxkit.config.json, and uninstall leaves the templates alone', () => {
    const project = testdir({ 'ctxkit.config.json': JSON.stringify({ templates: 'claude-templates' }) });
    cleanups.push(project.cleanup);
    expect(runCli(['install', '--templates'], { cwd: project.path }).stdout).toContain('into claude-templates/');
    expect(existsSync(project.join('claude-templates', 'commands', 'orchestrate.md'))).toBe(true);
    const env = { HOME: project.join('home'), CLAUDE_CONFIG_DIR: project.join('home', '.claude') };
    expect(runCli(['install'], { cwd: project.path, env }).code).toBe(0);
    expect(runCli(['uninstall'], { cwd: project.path, env }).code).toBe(0);
    expect(existsSync(project.join('claude-templates', 'commands', 'orchestrate.md'))).toBe(true);
  });

  it('refuses --templates with --scope', () => {
    const project = testdir();
    cleanups.push(project.cleanup);
    const result = runCli(['install', '--templates', '--scope', 'user'], { cwd: project.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--templates cannot be combined with --scope');
    expect(existsSync(project.join('templates'))).toBe(false);
  });
});
