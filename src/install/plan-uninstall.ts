/** The pure core of `ctxkit uninstall`: remove ctxkit's handlers and undo what install recorded, nothing more. */
import { UserError } from '../cli/errors.js';
import { checkSettingsText } from '../claude/settings/check-settings-text.js';
import type { IsCtxkitEntry } from '../claude/settings/find-ctxkit-handlers.js';
import { removeCtxkitHooks } from '../claude/settings/remove-ctxkit-hooks.js';
import type { SettingsScope } from '../claude/settings/settings-types.js';
import type { FileOp } from './file-op.js';
import { removeIgnoreLine } from './gitignore-entry.js';
import { forgetSettingsInstall, formatInstallManifest, parseInstallManifest } from './install-manifest.js';
import { backupPathOf } from './plan-install.js';

export interface UninstallTarget {
  scope: SettingsScope;
  file: string;
  text: string | undefined;
  label: string;
}

export interface UninstallInput {
  /** The project root; the install record stores paths relative to it. */
  projectDir: string;
  targets: UninstallTarget[];
  isCtxkitEntry: IsCtxkitEntry;
  manifestFile: string;
  manifestText: string | undefined;
  storeDir: string;
  gitignoreText: string | undefined;
}

export interface ScopeRemoval {
  scope: SettingsScope;
  file: string;
  label: string;
  /** Events ctxkit's handlers were removed from; empty when none were there. */
  events: string[];
  fileRemoved: boolean;
  backup?: string;
}

export interface UninstallPlan {
  status: 'removed' | 'not-installed';
  removals: ScopeRemoval[];
  gitignoreRemoved: boolean;
  ops: FileOp[];
}

/** Plans an uninstall over the given settings files. Throws UserError when a file with ctxkit hooks cannot be read as settings. */
export function planUninstall(input: UninstallInput): UninstallPlan {
  let manifest = parseInstallManifest(input.manifestText, input.projectDir);
  const ops: FileOp[] = [];
  const removals: ScopeRemoval[] = [];
  for (const target of input.targets) {
    const record = manifest.settings.find((entry) => entry.file === target.file);
    const known = new Set(record?.entryPaths ?? []);
    const isCtxkitEntry: IsCtxkitEntry = (path) => known.has(path) || input.isCtxkitEntry(path);
    if (target.text === undefined) {
      if (record) manifest = forgetSettingsInstall(manifest, target.file);
      continue;
    }
    const check = checkSettingsText(target.text, target.label);
    if (!check.ok) throw new UserError(check.message);
    const created = new Set(record?.createdEvents ?? []);
    const removed = removeCtxkitHooks(target.text, {
      isCtxkitEntry,
      // Without a record, an event array emptied by the removal goes; with one, only the events ctxkit added.
      removeEmptyEvent: record ? (event) => created.has(event) : () => true,
      removeEmptyHooksKey: record?.createdHooksKey ?? false,
    });
    if (record) manifest = forgetSettingsInstall(manifest, target.file);
    if (removed.removedFrom.length === 0) continue;
    const after = checkSettingsText(removed.text, target.label);
    if (!after.ok) throw new UserError(`Refusing to write ${target.label}: the result would not be valid for Claude Code.\n${after.message}`);
    const fileRemoved = removed.isEmpty && record?.createdFile === true;
    if (fileRemoved) {
      ops.push({ kind: 'delete', role: 'settings', path: target.file, before: target.text });
      for (const dir of [...(record?.createdDirs ?? [])].reverse()) ops.push({ kind: 'rmdir-if-empty', path: dir });
      removals.push({ scope: target.scope, file: target.file, label: target.label, events: removed.removedFrom, fileRemoved });
    } else {
      const backup = backupPathOf(target.file);
      ops.push({ kind: 'write', role: 'backup', path: backup, before: undefined, after: target.text });
      ops.push({ kind: 'write', role: 'settings', path: target.file, before: target.text, after: removed.text });
      removals.push({ scope: target.scope, file: target.file, label: target.label, events: removed.removedFrom, fileRemoved, backup });
    }
  }

  // The .gitignore line stays while another scope is still installed.
  let gitignoreRemoved = false;
  if (manifest.gitignore && manifest.settings.length === 0) {
    const { file, line, createdFile, addedLeadingNewline } = manifest.gitignore;
    if (input.gitignoreText !== undefined) {
      const after = removeIgnoreLine(input.gitignoreText, line, addedLeadingNewline);
      if (after !== input.gitignoreText) {
        gitignoreRemoved = true;
        if (after === '' && createdFile) ops.push({ kind: 'delete', role: 'gitignore', path: file, before: input.gitignoreText });
        else ops.push({ kind: 'write', role: 'gitignore', path: file, before: input.gitignoreText, after });
      }
    }
    manifest = { ...manifest, gitignore: undefined };
  }

  if (input.manifestText !== undefined) {
    if (manifest.settings.length === 0 && !manifest.gitignore) {
      ops.push({ kind: 'delete', role: 'manifest', path: input.manifestFile, before: input.manifestText });
      if (manifest.createdStoreDir) ops.push({ kind: 'rmdir-if-empty', path: input.storeDir });
    } else {
      const text = formatInstallManifest(manifest, input.projectDir);
      if (text !== input.manifestText) ops.push({ kind: 'write', role: 'manifest', path: input.manifestFile, before: input.manifestText, after: text });
    }
  }
  return { status: removals.length > 0 ? 'removed' : 'not-installed', removals, gitignoreRemoved, ops };
}
