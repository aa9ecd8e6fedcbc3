import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPluginHooksFile, CTXKIT_HOOK_PLAN, PLUGIN_HOOK_ENTRY_PATH } from '../claude/ctxkit-hooks.js';
import { validateSettings } from '../claude/settings/validate-settings.js';
import { buildPluginFiles, compilePluginTemplates, PLUGIN_CLI } from './plugin-files.js';
import { readPluginSources } from './read-plugin-sources.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const files = buildPluginFiles(readPluginSources(ROOT));
const byPath = (path: string) => files.find((file) => file.path === path)?.content ?? '';

describe('plugin files', () => {
  it('are committed exactly as the hook plan, package.json and the templates make them (run node scripts/build-plugin.js)', () => {
    for (const file of files) {
      const path = join(ROOT, file.path);
      expect(existsSync(path), `${file.path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${file.path} is out of date`).toBe(file.content);
    }
    const committed = readdirSync(join(ROOT, 'plugin'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
    expect(committed.sort()).toEqual(files.map((file) => file.path).filter((path) => path.startsWith('plugin/')).sort());
  });

  it('hooks/hooks.json is the plan with the ${CLAUDE_PLUGIN_ROOT} entry, valid as Claude Code reads it', () => {
    const hooks = JSON.parse(byPath('hooks/hooks.json'));
    expect(hooks).toEqual(buildPluginHooksFile());
    expect(Object.keys(hooks.hooks)).toEqual(CTXKIT_HOOK_PLAN.map((spec) => spec.event));
    for (const spec of CTXKIT_HOOK_PLAN) {
      expect(hooks.hooks[spec.event]).toEqual([{ ...(spec.matcher ? { matcher: spec.matcher } : {}), hooks: [{ type: 'command', command: 'node', args: [PLUGIN_HOOK_ENTRY_PATH, spec.event], timeout: spec.timeout }] }]);
    }
    expect(validateSettings(hooks)).toEqual([]);
  });

  it('plugin.json carries package.json identity and never names hooks/hooks.json again', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const manifest = JSON.parse(byPath('.claude-plugin/plugin.json'));
    expect(manifest).toMatchObject({ name: 'ctxkit', version: pkg.version, description: pkg.description, license: pkg.license, author: { name: expect.any(String) }, commands: './plugin/commands/' });
    expect(manifest.agents).toEqual(['code', 'config', 'docs', 'tests'].map((domain) => `./plugin/agents/${domain}-coordinator.md`));
    expect(manifest).not.toHaveProperty('hooks');
    const marketplace = JSON.parse(byPath('.claude-plugin/marketplace.json'));
    expect(marketplace.plugins).toEqual([expect.objectContaining({ name: 'ctxkit', source: { source: 'npm', package: 'ctxkit', version: pkg.version } })]);
  });

  it("the command runs the plugin's own CLI and points at context files under ${CLAUDE_PLUGIN_ROOT}", () => {
    const command = byPath('plugin/commands/orchestrate.md');
    expect(command).not.toContain('npx');
    expect(command).toContain(`allowed-tools: Bash(${PLUGIN_CLI} context *)`);
    expect(command).toContain(`\`\`\`!\n${PLUGIN_CLI} context - <<'CTXKIT_GOAL'\n$ARGUMENTS\nCTXKIT_GOAL\n\`\`\``);
    // The plugin's agents are namespaced; the command names them so.
    for (const domain of ['code', 'docs', 'config', 'tests']) expect(command).toContain(`\`ctxkit:${domain}-coordinator\``);
    expect(command).not.toMatch(/`(?:code|docs|config|tests)-coordinator`/);
    const pointers = [...command.matchAll(/^- Read \$\{CLAUDE_PLUGIN_ROOT\}\/(\S+\.md) /gm)].map((match) => match[1]);
    expect(pointers.length).toBeGreaterThan(0);
    for (const pointer of pointers) expect(files.some((file) => file.path === pointer), pointer).toBe(true);
  });

  it('a template error stops the build', () => {
    const { diagnostics } = compilePluginTemplates([{ path: 'commands/x.md', content: '# X\n\n{{> missing}}\n' }], []);
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect(() => buildPluginFiles({ pkg: { name: 'ctxkit', version: '1.0.0', description: 'd' }, templates: [{ path: 'commands/x.md', content: '# X\n\n{{> missing}}\n' }], partials: [] })).toThrow(/do not compile/);
  });

  it('passes `claude plugin validate --strict` (the real Claude Code 2.1.197)', () => {
    const home = mkdtempSync(join(tmpdir(), 'ctxkit-plugin-validate-'));
    try {
      for (const target of [join(ROOT, '.claude-plugin', 'plugin.json'), ROOT]) {
        const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'claude'), ['plugin', 'validate', '--strict', target], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude'), DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' },
          timeout: 30_000,
        });
        expect(result.status, result.stdout + result.stderr).toBe(0);
        expect(result.stdout).toContain('Validation passed');
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
