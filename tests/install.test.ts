/**
 * install / uninstall through the shell functions, on real files in temp folders.
 * HOME and CLAUDE_CONFIG_DIR point into the temp folder: nothing here touches the real ~/.claude.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPluginHooksFile } from '../src/claude/ctxkit-hooks.js';
import { UserError } from '../src/cli/errors.js';
import { runInstall, type InstallOptions } from '../src/install/run-install.js';
import { runUninstall } from '../src/install/run-uninstall.js';
import { testdir, type TestDir } from './helpers/testdir.js';

let dirs: TestDir[] = [];
afterEach(() => {
  for (const dir of dirs) dir.cleanup();
  dirs = [];
});

/** A project folder, a fake HOME, and a ctxkit package inside the project's node_modules. */
function setup(files: Record<string, string> = {}) {
  const dir = testdir({
    'project/node_modules/ctxkit/package.json': '{"name":"ctxkit","version":"9.9.9"}',
    'project/node_modules/ctxkit/dist/hooks/entry.cjs': '',
    'home/.keep': '',
    ...Object.fromEntries(Object.entries(files).map(([path, content]) => [path.startsWith('home/') ? path : `project/${path}`, content])),
  });
  dirs.push(dir);
  const project = dir.join('project');
  const env = { HOME: dir.join('home'), PATH: process.env.PATH };
  const base: InstallOptions = { cwd: project, env, scope: 'project', packageRoot: join(project, 'node_modules/ctxkit'), home: dir.join('home') };
  return { dir, project, env, base, home: dir.join('home') };
}

/** Every file under a folder with its bytes (node_modules left out), to compare whole trees. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) {
        out[`${relative(root, full)}/`] = '';
        walk(full);
      } else {
        out[relative(root, full)] = readFileSync(full, 'utf8');
      }
    }
  };
  walk(root);
  return out;
}

const userSettings = `{
    "permissions": {
        "allow": ["Bash(npm test)"]
    },
    "hooks": {
        "PostToolUse": [
            {
                "matcher": "Edit|Write",
                "hooks": [{ "type": "command", "command": "npx prettier --write", "timeout": 20 }]
            }
        ]
    },
    "model": "sonnet"
}
`;

describe('install into a fresh project', () => {
  it('creates the settings, the .gitignore line and the record, then uninstall leaves the project as it was', async () => {
    const { project, base } = setup({ 'README.md': 'text\n' });
    const before = snapshot(project);
    const report = await runInstall(base);
    expect(report.status).toBe('installed');
    expect(report.entryPath).toBe('${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.cjs');
    const settings = JSON.parse(readFileSync(join(project, '.claude/settings.json'), 'utf8'));
    expect(settings.hooks.SessionEnd).toEqual([
      { hooks: [{ type: 'command', command: 'node', args: ['${CLAUDE_PROJECT_DIR}/node_modules/ctxkit/dist/hooks/entry.cjs', 'SessionEnd'], timeout: 15 }] },
    ]);
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('.ctxkit/\n');
    expect(existsSync(join(project, '.ctxkit/install.json'))).toBe(true);
    expect(report.backup).toBeUndefined();

    const removed = await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(removed.status).toBe('removed');
    expect(removed.removals[0].fileRemoved).toBe(true);
    expect(snapshot(project)).toEqual(before);
  });
});

describe('the install record', () => {
  it('stores project paths relative, so uninstall still undoes everything after the checkout moved', async () => {
    const { dir, project, base } = setup({ 'README.md': 'text\n' });
    const before = snapshot(project);
    await runInstall(base);
    const record = JSON.parse(readFileSync(join(project, '.ctxkit/install.json'), 'utf8'));
    expect(record.settings[0]).toMatchObject({ file: '.claude/settings.json', createdFile: true, createdDirs: ['.claude'], createdHooksKey: true });
    expect(record.gitignore).toMatchObject({ file: '.gitignore', line: '.ctxkit/', createdFile: true });

    const moved = dir.join('moved');
    renameSync(project, moved);
    await runUninstall({ cwd: moved, env: base.env, packageRoot: join(moved, 'node_modules/ctxkit'), home: base.home });
    expect(snapshot(moved)).toEqual(before);
  });
});

describe('install into an existing settings file', () => {
  it('keeps the user hooks, keys, order and 4-space indentation, backs up, and is byte-identical on a second run', async () => {
    const { project, base } = setup({ '.claude/settings.json': userSettings, '.gitignore': 'node_modules\n' });
    const file = join(project, '.claude/settings.json');
    const first = await runInstall(base);
    expect(first.status).toBe('installed');
    const installed = readFileSync(file, 'utf8');
    const value = JSON.parse(installed);
    expect(Object.keys(value)).toEqual(['permissions', 'hooks', 'model']);
    expect(value.hooks.PostToolUse[0].hooks[0].command).toBe('npx prettier --write');
    expect(installed).toContain('\n        "SessionStart": [\n            {\n                "hooks": [');
    expect(readFileSync(`${file}.ctxkit-backup`, 'utf8')).toBe(userSettings);
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('node_modules\n.ctxkit/\n');

    const before = snapshot(project);
    const second = await runInstall(base);
    expect(second.status).toBe('unchanged');
    expect(second.ops).toEqual([]);
    expect(snapshot(project)).toEqual(before);

    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(readFileSync(file, 'utf8')).toBe(userSettings);
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('node_modules\n');
    expect(existsSync(join(project, '.ctxkit'))).toBe(false);
  });

  it('keeps the file mode of settings.local.json', async () => {
    const { project, base } = setup({ '.claude/settings.local.json': '{}\n' });
    const file = join(project, '.claude/settings.local.json');
    chmodSync(file, 0o600);
    await runInstall({ ...base, scope: 'local' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('upgrades entries of a ctxkit that moved, in place, without duplicates', async () => {
    const { dir, project, base } = setup({ '.claude/settings.json': userSettings });
    await runInstall({ ...base, packageRoot: dir.join('old/ctxkit') });
    const moved = await runInstall(base);
    expect(moved.status).toBe('updated');
    const value = JSON.parse(readFileSync(join(project, '.claude/settings.json'), 'utf8'));
    const commands = Object.values(value.hooks as Record<string, Array<{ hooks: Array<{ args?: string[] }> }>>).flatMap((groups) =>
      groups.flatMap((group) => group.hooks.map((handler) => handler.args?.[0])),
    );
    expect(commands.filter((arg) => arg?.includes('old/ctxkit'))).toEqual([]);
    expect(value.hooks.PostToolUse).toHaveLength(2);
    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(readFileSync(join(project, '.claude/settings.json'), 'utf8')).toBe(userSettings);
  });
});

describe('refusals leave files untouched', () => {
  it.each([
    ['a comment', '{\n  // mine\n  "model": "x"\n}\n', ':2:3: not valid JSON'],
    ['a trailing comma', '{\n  "model": "x",\n}\n', ':3:1: not valid JSON'],
    ['hooks as an array', '{\n  "hooks": []\n}\n', 'unexpected shape'],
    ['an event that is not an array', '{\n  "hooks": {"Stop": {"hooks": []}}\n}\n', 'hooks.Stop'],
    ['a string timeout', '{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "x", "timeout": "30"}]}]}}', ':1:79: hooks.Stop[0].hooks[0].timeout: Unexpected the string "30"'],
    ['a top-level array', '[]\n', 'expected a JSON object'],
  ])('refuses a settings file with %s', async (_name, text, fragment) => {
    const { project, base } = setup({ '.claude/settings.json': text });
    const before = snapshot(project);
    const error = await runInstall(base).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('.claude/settings.json');
    expect((error as Error).message).toContain(fragment);
    expect(snapshot(project)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('prints a diff and writes nothing', async () => {
    const { project, base } = setup({ '.claude/settings.json': userSettings });
    const before = snapshot(project);
    const report = await runInstall({ ...base, dryRun: true });
    expect(report.status).toBe('installed');
    expect(report.diff).toContain('--- a/.claude/settings.json\n+++ b/.claude/settings.json\n');
    expect(report.diff).toContain('+        "SessionStart": [');
    expect(report.diff).toContain('--- /dev/null\n+++ b/.gitignore\n@@ -0,0 +1,1 @@\n+.ctxkit/\n');
    expect(snapshot(project)).toEqual(before);
  });
});

describe('other scopes and plugins', () => {
  it('does not install twice when the user scope already has ctxkit, unless forced', async () => {
    const { project, base, home } = setup();
    const user = await runInstall({ ...base, scope: 'user' });
    expect(user.status).toBe('installed');
    expect(user.entryPath).toBe(join(project, 'node_modules/ctxkit/dist/hooks/entry.cjs'));
    expect(existsSync(join(home, '.claude/settings.json'))).toBe(true);

    const before = snapshot(project);
    const project1 = await runInstall(base);
    expect(project1.status).toBe('elsewhere');
    expect(project1.elsewhere).toEqual([expect.objectContaining({ where: 'user', active: true, file: join(home, '.claude/settings.json') })]);
    expect(snapshot(project)).toEqual(before);

    const forced = await runInstall({ ...base, force: true });
    expect(forced.status).toBe('installed');

    // Uninstall without --scope also takes the user scope away: this project's record says install put it there.
    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(existsSync(join(home, '.claude/settings.json'))).toBe(false);
    expect(existsSync(join(home, '.claude'))).toBe(false);
    expect(existsSync(join(project, '.claude'))).toBe(false);
  });

  it('honours CLAUDE_CONFIG_DIR for the user scope', async () => {
    const { dir, base } = setup();
    const env = { ...base.env, CLAUDE_CONFIG_DIR: dir.join('config') };
    const report = await runInstall({ ...base, env, scope: 'user' });
    expect(report.file).toBe(dir.join('config/settings.json'));
    expect(existsSync(dir.join('config/settings.json'))).toBe(true);
  });

  it('detects an enabled ctxkit plugin and says so', async () => {
    const { dir, project, base, home } = setup();
    const pluginRoot = dir.join('home/.claude/plugins/cache/market/ctxkit/0.1.0');
    mkdirSync(join(pluginRoot, 'hooks'), { recursive: true });
    writeFileSync(join(pluginRoot, 'hooks/hooks.json'), JSON.stringify(buildPluginHooksFile()));
    writeFileSync(
      join(home, '.claude/plugins/installed_plugins.json'),
      JSON.stringify({ version: 2, plugins: { 'ctxkit@market': [{ scope: 'user', installPath: pluginRoot, version: '0.1.0' }] } }),
    );
    const notEnabled = await runInstall({ ...base, dryRun: true });
    expect(notEnabled.status).toBe('installed');
    expect(notEnabled.elsewhere).toEqual([expect.objectContaining({ where: 'plugin', plugin: 'ctxkit@market', active: false })]);

    writeFileSync(join(home, '.claude/settings.json'), '{"enabledPlugins": {"ctxkit@market": true}}\n');
    const enabled = await runInstall(base);
    expect(enabled.status).toBe('elsewhere');
    expect(existsSync(join(project, '.claude'))).toBe(false);
  });
});

describe('.gitignore', () => {
  it('does not duplicate an existing entry and uninstall leaves it', async () => {
    const { project, base } = setup({ '.gitignore': 'dist\n/.ctxkit\n' });
    const report = await runInstall(base);
    expect(report.gitignoreAdded).toBe(false);
    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('dist\n/.ctxkit\n');
  });

  it('keeps the line while another scope is still installed', async () => {
    const { project, base } = setup();
    await runInstall(base);
    await runInstall({ ...base, scope: 'local', force: true });
    await runUninstall({ cwd: project, env: base.env, scope: 'local', packageRoot: base.packageRoot, home: base.home });
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('.ctxkit/\n');
    expect(existsSync(join(project, '.claude/settings.local.json'))).toBe(false);
    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    expect(existsSync(join(project, '.gitignore'))).toBe(false);
  });
});

describe('install then uninstall gives back the original text', () => {
  const files: Record<string, string> = {
    'no hooks, two spaces': '{\n  "model": "opus",\n  "env": {\n    "A": "1"\n  }\n}\n',
    'user hooks on the same events': JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }], SessionStart: [] } }, null, 2),
    tabs: '{\n\t"hooks": {\n\t\t"PreToolUse": [\n\t\t\t{\n\t\t\t\t"matcher": "Bash",\n\t\t\t\t"hooks": [\n\t\t\t\t\t{\n\t\t\t\t\t\t"type": "command",\n\t\t\t\t\t\t"command": "guard.sh"\n\t\t\t\t\t}\n\t\t\t\t]\n\t\t\t}\n\t\t]\n\t}\n}\n',
    'CRLF and no final newline': '{\r\n  "permissions": {\r\n    "deny": ["Read(.env)"]\r\n  }\r\n}',
    'one line': '{"hooks":{"Notification":[{"hooks":[{"type":"command","command":"notify"}]}]}}',
    'empty object': '{}',
    'integer-like keys keep their order': '{\n  "b": 1,\n  "10": 2,\n  "a": 3\n}\n',
    'unknown event kept as is': '{\n  "hooks": {\n    "NotAnEvent": []\n  }\n}\n',
  };
  it.each(Object.keys(files))('%s', async (name) => {
    const { project, base } = setup({ '.claude/settings.json': files[name], '.gitignore': 'x\n' });
    const before = snapshot(project);
    const report = await runInstall(base);
    expect(report.status).toBe('installed');
    await runUninstall({ cwd: project, env: base.env, packageRoot: base.packageRoot, home: base.home });
    const after = snapshot(project);
    // The backup of the last change stays next to the file by design.
    delete after['.claude/settings.json.ctxkit-backup'];
    expect(after).toEqual(before);
  });
});
