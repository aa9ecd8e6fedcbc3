/**
 * The pure core of `ctxkit install`: from the texts of the files involved, decide every file change.
 * Nothing is written here; `--dry-run` prints these changes, a real run applies them.
 */
import { UserError } from '../cli/errors.js';
import { checkSettingsText } from '../claude/settings/check-settings-text.js';
import type { IsCtxkitEntry } from '../claude/settings/find-ctxkit-handlers.js';
import { mergeCtxkitHooks, type HookChange } from '../claude/settings/merge-ctxkit-hooks.js';
import type { HooksConfig, SettingsScope } from '../claude/settings/settings-types.js';
import type { SettingsProblem } from '../claude/settings/validate-settings.js';
import type { FileOp } from './file-op.js';
import { addIgnoreLine } from './gitignore-entry.js';
import { formatInstallManifest, parseInstallManifest, recordSettingsInstall } from './install-manifest.js';

/** ctxkit hooks found somewhere other than the file being installed into. */
export interface OtherInstall {
  where: SettingsScope | 'plugin';
  /** The settings file, or the plugin's hooks/hooks.json. */
  file: string;
  events: string[];
  /** Plugins: `name@marketplace`. */
  plugin?: string;
  /** Plugins: enabled in some settings file. Settings scopes are always active. */
  active: boolean;
}

export interface InstallInput {
  /** The project root; the install record stores paths relative to it. */
  projectDir: string;
  scope: SettingsScope;
  settingsFile: string;
  settingsText: string | undefined;
  /** Folders missing on the way to the settings file (outermost first); they will be created. */
  missingDirs: string[];
  desired: HooksConfig;
  entryPath: string;
  node: string;
  nodeExecPath: string;
  ctxkitVersion: string;
  /** ISO time, recorded in the manifest. */
  now: string;
  isCtxkitEntry: IsCtxkitEntry;
  elsewhere: OtherInstall[];
  force: boolean;
  manifestFile: string;
  manifestText: string | undefined;
  storeDirExists: boolean;
  /** Omitted when the store lies outside the project (nothing to ignore). */
  gitignore?: { file: string; text: string | undefined; line: string };
  /** Name shown in messages for the settings file (usually relative to the project). */
  settingsLabel: string;
}

export interface InstallPlan {
  /** `elsewhere`: ctxkit is active in another scope or plugin and --force was not given; nothing is planned. */
  status: 'installed' | 'updated' | 'unchanged' | 'elsewhere';
  changes: HookChange[];
  ops: FileOp[];
  /** Path of the backup of the settings file, when an existing file is changed. */
  backup?: string;
  gitignoreAdded: boolean;
  /** Claude Code warnings about the resulting file (unknown events, regexes that never match...). */
  warnings: SettingsProblem[];
  elsewhere: OtherInstall[];
}

/** The backup path of a settings file. */
export function backupPathOf(settingsFile: string): string {
  return `${settingsFile}.ctxkit-backup`;
}

/** Plans an install. Throws UserError (naming the file and the problem) when the settings file cannot be used. */
export function planInstall(input: InstallInput): InstallPlan {
  const active = input.elsewhere.filter((other) => other.active);
  if (active.length > 0 && !input.force) {
    return { status: 'elsewhere', changes: [], ops: [], gitignoreAdded: false, warnings: [], elsewhere: input.elsewhere };
  }
  if (input.settingsText !== undefined) {
    const check = checkSettingsText(input.settingsText, input.settingsLabel);
    if (!check.ok) throw new UserError(check.message);
  }
  const merged = mergeCtxkitHooks(input.settingsText, input.desired, input.isCtxkitEntry);
  const after = checkSettingsText(merged.text, input.settingsLabel);
  if (!after.ok) {
    throw new UserError(`Refusing to write ${input.settingsLabel}: the result would not be valid for Claude Code.\n${after.message}`);
  }
  const settingsChanged = merged.text !== input.settingsText;
  const ops: FileOp[] = [];
  let backup: string | undefined;
  if (settingsChanged) {
    if (input.settingsText !== undefined) {
      backup = backupPathOf(input.settingsFile);
      ops.push({ kind: 'write', role: 'backup', path: backup, before: undefined, after: input.settingsText });
    }
    ops.push({ kind: 'write', role: 'settings', path: input.settingsFile, before: input.settingsText, after: merged.text });
  }

  let manifest = parseInstallManifest(input.manifestText, input.projectDir);
  let gitignoreAdded = false;
  if (input.gitignore) {
    const added = addIgnoreLine(input.gitignore.text, input.gitignore.line);
    if (added.added) {
      gitignoreAdded = true;
      ops.push({ kind: 'write', role: 'gitignore', path: input.gitignore.file, before: input.gitignore.text, after: added.text });
      manifest = {
        ...manifest,
        gitignore: {
          file: input.gitignore.file,
          line: input.gitignore.line,
          createdFile: input.gitignore.text === undefined,
          addedLeadingNewline: added.addedLeadingNewline,
        },
      };
    }
  }

  const recorded = manifest.settings.some((record) => record.file === input.settingsFile);
  if (settingsChanged || gitignoreAdded || !recorded) {
    manifest = recordSettingsInstall(manifest, {
      scope: input.scope,
      file: input.settingsFile,
      createdFile: input.settingsText === undefined,
      createdDirs: input.settingsText === undefined ? input.missingDirs : [],
      createdHooksKey: merged.createdHooksKey,
      createdEvents: merged.createdEvents,
      entryPaths: [input.entryPath],
      node: input.node,
      nodeExecPath: input.nodeExecPath,
      ctxkitVersion: input.ctxkitVersion,
      updatedAt: input.now,
    });
    if (input.manifestText === undefined && !input.storeDirExists) manifest.createdStoreDir = true;
    ops.push({ kind: 'write', role: 'manifest', path: input.manifestFile, before: input.manifestText, after: formatInstallManifest(manifest, input.projectDir) });
  }

  const firstInstall = merged.changes.every((change) => change.action === 'added');
  const status = !settingsChanged ? 'unchanged' : firstInstall ? 'installed' : 'updated';
  return {
    status,
    changes: merged.changes,
    ops,
    ...(backup ? { backup } : {}),
    gitignoreAdded,
    warnings: after.warnings,
    elsewhere: input.elsewhere,
  };
}
