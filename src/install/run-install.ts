/** The shell around planInstall: reads the files involved, plans, then applies (or, with dryRun, only diffs). */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../cli/errors.js';
import { buildCtxkitHooks } from '../claude/ctxkit-hooks.js';
import type { SettingsScope } from '../claude/settings/settings-types.js';
import { loadValidatedConfig } from '../config/index.js';
import { applyFileOps } from './apply-file-ops.js';
import { locateCtxkitPackage } from './ctxkit-package.js';
import { makeIsCtxkitEntry } from './ctxkit-entry-identity.js';
import { diffFileOps } from './file-op.js';
import { findOtherInstalls } from './find-other-installs.js';
import { storeIgnoreLine } from './gitignore-entry.js';
import { parseInstallManifest } from './install-manifest.js';
import { planInstall, type InstallPlan } from './plan-install.js';
import { readTextFile } from './read-text-file.js';
import { claudeConfigDir, hookEntryPathFor, settingsFilePath } from './settings-paths.js';

export interface InstallOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  scope: SettingsScope;
  force?: boolean;
  dryRun?: boolean;
  /** `node` (default: found on PATH when the hook runs), `absolute` (this Node), or an absolute Node path. */
  node?: string;
  /** Where ctxkit is installed; defaults to the package this code runs from. */
  packageRoot?: string;
  /** Fallback for HOME when it is unset. */
  home?: string;
  now?: Date;
}

export interface InstallReport extends InstallPlan {
  scope: SettingsScope;
  file: string;
  /** The settings file as shown to people (relative to the project when inside it). */
  label: string;
  entryPath: string;
  node: string;
  dryRun: boolean;
  /** Unified diff of the planned changes (dry runs). */
  diff?: string;
  /** Things worth knowing that did not stop the install. */
  notes: string[];
}

/** Shows a path relative to the project when it is inside it. */
export function displayPath(path: string, projectDir: string): string {
  const rel = relative(projectDir, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/** The `command` for ctxkit's handlers from the --node choice. */
export function resolveNodeCommand(choice: string | undefined, execPath: string): string {
  if (choice === undefined || choice === 'node') return 'node';
  if (choice === 'absolute') return execPath;
  if (!isAbsolute(choice)) throw new UsageError(`Unexpected --node '${choice}', expected 'node', 'absolute' or an absolute path to a Node executable.`);
  return choice;
}

function isOnPath(command: string, env: NodeJS.ProcessEnv): boolean {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  return (env.PATH ?? '')
    .split(process.platform === 'win32' ? ';' : ':')
    .filter(Boolean)
    .some((dir) => extensions.some((extension) => existsSync(join(dir, command + extension))));
}

function missingDirsFor(file: string): string[] {
  const missing: string[] = [];
  for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  return missing;
}

/** Where ctxkit keeps its store (and install.json) for a project, and the .gitignore line when it is inside. */
export function storeLocation(projectDir: string): { storeDir: string; ignoreLine?: string } {
  const dir = loadValidatedConfig(projectDir).store.dir;
  const storeDir = resolve(projectDir, dir);
  const rel = relative(projectDir, storeDir);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return { storeDir, ...(inside ? { ignoreLine: storeIgnoreLine(rel) } : {}) };
}

/** Installs (or plans, with dryRun) ctxkit's hooks into one settings scope. */
export async function runInstall(options: InstallOptions): Promise<InstallReport> {
  const projectDir = resolve(options.cwd);
  const configDir = claudeConfigDir(options.env, options.home ?? homedir());
  const pkg = locateCtxkitPackage(options.packageRoot);
  const node = resolveNodeCommand(options.node, process.execPath);
  const entryPath = hookEntryPathFor(options.scope, pkg.root, projectDir);
  const settingsFile = settingsFilePath(options.scope, projectDir, configDir);
  const label = displayPath(settingsFile, projectDir);
  const { storeDir, ignoreLine } = storeLocation(projectDir);
  const manifestFile = join(storeDir, 'install.json');
  const manifestText = await readTextFile(manifestFile);
  const manifest = parseInstallManifest(manifestText, projectDir);

  const known = [entryPath, ...manifest.settings.flatMap((record) => record.entryPaths)];
  const isCtxkitEntry = makeIsCtxkitEntry({ projectDir, known });
  const { others, notes } = await findOtherInstalls({ exclude: options.scope, projectDir, configDir, isCtxkitEntry });
  const gitignoreFile = join(projectDir, '.gitignore');

  const plan = planInstall({
    projectDir,
    scope: options.scope,
    settingsFile,
    settingsText: await readTextFile(settingsFile),
    missingDirs: missingDirsFor(settingsFile),
    desired: buildCtxkitHooks({ entryPath, node }),
    entryPath,
    node,
    nodeExecPath: process.execPath,
    ctxkitVersion: pkg.version,
    now: (options.now ?? new Date()).toISOString(),
    isCtxkitEntry,
    elsewhere: others,
    force: options.force ?? false,
    manifestFile,
    manifestText,
    storeDirExists: existsSync(storeDir),
    settingsLabel: label,
    ...(ignoreLine ? { gitignore: { file: gitignoreFile, text: await readTextFile(gitignoreFile), line: ignoreLine } } : {}),
  });

  if (!existsSync(pkg.entryFile)) notes.push(`The hook entry ${pkg.entryFile} does not exist yet; build ctxkit (npm run build) or the hooks will fail.`);
  if (node === 'node' && !isOnPath('node', options.env)) {
    notes.push("'node' is not on PATH here; Claude Code may not find it either. Run install with --node absolute to write this Node's full path.");
  }
  if (options.scope === 'project' && plan.status !== 'elsewhere') {
    // .claude/settings.json is usually committed: machine-specific paths there break the hooks for everyone else.
    if (!entryPath.startsWith('${CLAUDE_PROJECT_DIR}/')) {
      notes.push(`${label} is shared with the team but names ctxkit by an absolute path outside the project; add ctxkit as a devDependency (npm i -D ctxkit) and install again, or use --scope local.`);
    }
    if (node !== 'node') notes.push(`${label} is shared with the team but names this machine's Node (${node}); consider --scope local for --node.`);
  }
  const report: InstallReport = { ...plan, scope: options.scope, file: settingsFile, label, entryPath, node, dryRun: options.dryRun ?? false, notes };
  if (options.dryRun) return { ...report, diff: diffFileOps(plan.ops, projectDir) };
  await applyFileOps(plan.ops);
  return report;
}
