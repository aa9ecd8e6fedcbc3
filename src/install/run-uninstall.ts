/** The shell around planUninstall. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SettingsScope } from '../claude/settings/settings-types.js';
import { applyFileOps } from './apply-file-ops.js';
import { locateCtxkitPackage } from './ctxkit-package.js';
import { makeIsCtxkitEntry } from './ctxkit-entry-identity.js';
import { diffFileOps } from './file-op.js';
import { findOtherInstalls } from './find-other-installs.js';
import { parseInstallManifest } from './install-manifest.js';
import type { OtherInstall } from './plan-install.js';
import { planUninstall, type UninstallPlan } from './plan-uninstall.js';
import { readTextFile } from './read-text-file.js';
import { displayPath, storeLocation } from './run-install.js';
import { claudeConfigDir, hookEntryPathFor, settingsFilePath } from './settings-paths.js';

export interface UninstallOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** One scope; omitted: project and local, plus user when this project's install record lists it. */
  scope?: SettingsScope;
  dryRun?: boolean;
  packageRoot?: string;
  home?: string;
}

export interface UninstallReport extends UninstallPlan {
  dryRun: boolean;
  diff?: string;
  /** ctxkit hooks that remain elsewhere (a plugin, a scope not uninstalled). */
  remaining: OtherInstall[];
}

/** Removes ctxkit's hooks (or plans it, with dryRun). */
export async function runUninstall(options: UninstallOptions): Promise<UninstallReport> {
  const projectDir = resolve(options.cwd);
  const configDir = claudeConfigDir(options.env, options.home ?? homedir());
  const pkg = locateCtxkitPackage(options.packageRoot);
  const { storeDir } = storeLocation(projectDir);
  const manifestFile = join(storeDir, 'install.json');
  const manifestText = await readTextFile(manifestFile);
  const manifest = parseInstallManifest(manifestText, projectDir);
  const userFile = settingsFilePath('user', projectDir, configDir);
  const scopes: SettingsScope[] = options.scope
    ? [options.scope]
    : ['project', 'local', ...(manifest.settings.some((record) => record.file === userFile) ? (['user'] as const) : [])];
  const targets = await Promise.all(
    scopes.map(async (scope) => {
      const file = settingsFilePath(scope, projectDir, configDir);
      return { scope, file, text: await readTextFile(file), label: displayPath(file, projectDir) };
    }),
  );
  const known = [
    ...scopes.map((scope) => hookEntryPathFor(scope, pkg.root, projectDir)),
    ...manifest.settings.flatMap((record) => record.entryPaths),
  ];
  const isCtxkitEntry = makeIsCtxkitEntry({ projectDir, known });
  const plan = planUninstall({
    projectDir,
    targets,
    isCtxkitEntry,
    manifestFile,
    manifestText,
    storeDir,
    gitignoreText: manifest.gitignore ? await readTextFile(manifest.gitignore.file) : undefined,
  });
  const { others } = await findOtherInstalls({ projectDir, configDir, isCtxkitEntry });
  const remaining = others.filter((other) => other.where === 'plugin' || !scopes.includes(other.where));
  const report: UninstallReport = { ...plan, dryRun: options.dryRun ?? false, remaining };
  if (options.dryRun) return { ...report, diff: diffFileOps(plan.ops, projectDir) };
  await applyFileOps(plan.ops);
  return report;
}
