import { describe, expect, it } from 'vitest';
import { buildCtxkitHooks, looksLikeCtxkitEntryPath } from '../claude/ctxkit-hooks.js';
import { UserError } from '../cli/errors.js';
import { planInstall, type InstallInput } from './plan-install.js';
import { planUninstall } from './plan-uninstall.js';

const ENTRY = '${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.cjs';
const input = (overrides: Partial<InstallInput> = {}): InstallInput => ({
  projectDir: '/p',
  scope: 'project',
  settingsFile: '/p/.claude/settings.json',
  settingsText: undefined,
  missingDirs: ['/p/.claude'],
  desired: buildCtxkitHooks({ entryPath: ENTRY }),
  entryPath: ENTRY,
  node: 'node',
  nodeExecPath: '/usr/bin/node',
  ctxkitVersion: '1.0.0',
  now: '2026-01-01T00:00:00.000Z',
  isCtxkitEntry: looksLikeCtxkitEntryPath,
  elsewhere: [],
  force: false,
  manifestFile: '/p/.ctxkit/install.json',
  manifestText: undefined,
  storeDirExists: false,
  gitignore: { file: '/p/.gitignore', text: undefined, line: '.ctxkit/' },
  settingsLabel: '.claude/settings.json',
  ...overrides,
});

describe('planInstall', () => {
  it('plans the settings, .gitignore and record writes for a fresh project, with no backup', () => {
    const plan = planInstall(input());
    expect(plan.status).toBe('installed');
    expect(plan.ops.map((op) => [op.kind, 'role' in op ? op.role : '', op.path])).toEqual([
      ['write', 'settings', '/p/.claude/settings.json'],
      ['write', 'gitignore', '/p/.gitignore'],
      ['write', 'manifest', '/p/.ctxkit/install.json'],
    ]);
    const manifest = plan.ops.find((op) => op.kind === 'write' && op.role === 'manifest');
    expect(JSON.parse(manifest?.kind === 'write' ? manifest.after : '{}')).toMatchObject({
      settings: [{ file: '.claude/settings.json', createdFile: true, createdDirs: ['.claude'], createdHooksKey: true }],
      gitignore: { file: '.gitignore', createdFile: true },
      createdStoreDir: true,
    });
  });

  it('backs up an existing file before changing it', () => {
    const plan = planInstall(input({ settingsText: '{"model":"x"}' }));
    expect(plan.backup).toBe('/p/.claude/settings.json.ctxkit-backup');
    expect(plan.ops[0]).toEqual({ kind: 'write', role: 'backup', path: plan.backup, before: undefined, after: '{"model":"x"}' });
  });

  it('plans nothing when ctxkit is active elsewhere, and installs with force', () => {
    const elsewhere = [{ where: 'user' as const, file: '/h/.claude/settings.json', events: ['Stop'], active: true }];
    expect(planInstall(input({ elsewhere }))).toMatchObject({ status: 'elsewhere', ops: [] });
    expect(planInstall(input({ elsewhere, force: true })).status).toBe('installed');
    const inactive = [{ ...elsewhere[0], where: 'plugin' as const, active: false }];
    expect(planInstall(input({ elsewhere: inactive })).status).toBe('installed');
  });

  it('calls a plan that adds a new event to an existing install an update', () => {
    const first = planInstall(input());
    const settings = first.ops.find((op) => op.kind === 'write' && op.role === 'settings');
    const manifest = first.ops.find((op) => op.kind === 'write' && op.role === 'manifest');
    if (settings?.kind !== 'write' || manifest?.kind !== 'write') throw new Error('writes expected');
    const fewer = JSON.parse(settings.after);
    delete fewer.hooks.PreCompact;
    const plan = planInstall(input({ settingsText: JSON.stringify(fewer, null, 2), manifestText: manifest.after, storeDirExists: true, gitignore: { file: '/p/.gitignore', text: '.ctxkit/\n', line: '.ctxkit/' } }));
    expect(plan.status).toBe('updated');
    expect(plan.changes.filter((change) => change.action !== 'unchanged')).toEqual([{ event: 'PreCompact', action: 'added' }]);
  });

  it('refuses a file Claude Code would reject, naming it', () => {
    expect(() => planInstall(input({ settingsText: '{"hooks": {"Stop": [{"hooks": [{"type": "command"}]}]}}' }))).toThrow(UserError);
    expect(() => planInstall(input({ settingsText: '{"hooks": {"Stop": [{"hooks": [{"type": "command"}]}]}}' }))).toThrow(
      /\.claude\/settings\.json:1:32: hooks\.Stop\[0\]\.hooks\[0\]\.command: Missing "command"/,
    );
  });
});

describe('planUninstall', () => {
  it('deletes a file, folder, .gitignore and record that install created', () => {
    const install = planInstall(input());
    const text = (role: string) => {
      const op = install.ops.find((candidate) => candidate.kind === 'write' && candidate.role === role);
      return op?.kind === 'write' ? op.after : undefined;
    };
    const plan = planUninstall({
      projectDir: '/p',
      targets: [{ scope: 'project', file: '/p/.claude/settings.json', text: text('settings'), label: '.claude/settings.json' }],
      isCtxkitEntry: looksLikeCtxkitEntryPath,
      manifestFile: '/p/.ctxkit/install.json',
      manifestText: text('manifest'),
      storeDir: '/p/.ctxkit',
      gitignoreText: text('gitignore'),
    });
    expect(plan.status).toBe('removed');
    expect(plan.ops.map((op) => [op.kind, op.path])).toEqual([
      ['delete', '/p/.claude/settings.json'],
      ['rmdir-if-empty', '/p/.claude'],
      ['delete', '/p/.gitignore'],
      ['delete', '/p/.ctxkit/install.json'],
      ['rmdir-if-empty', '/p/.ctxkit'],
    ]);
  });

  it('reports not-installed and plans nothing when there is nothing of ctxkit', () => {
    const plan = planUninstall({
      projectDir: '/p',
      targets: [{ scope: 'project', file: '/p/.claude/settings.json', text: '{"hooks":{}}', label: 'x' }],
      isCtxkitEntry: looksLikeCtxkitEntryPath,
      manifestFile: '/p/.ctxkit/install.json',
      manifestText: undefined,
      storeDir: '/p/.ctxkit',
      gitignoreText: undefined,
    });
    expect(plan).toEqual({ status: 'not-installed', removals: [], gitignoreRemoved: false, ops: [] });
  });
});
