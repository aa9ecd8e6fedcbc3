/**
 * `<store>/install.json`: what `install` created, so that `uninstall` can undo exactly that and no more.
 * Settings files carry no marker of their own (Claude Code's handler fields are a fixed set), so this record is
 * where "ctxkit created this file / this `hooks` key / this event / this .gitignore line" lives.
 * Paths inside the project are stored relative to it (the record survives moving the checkout); others are absolute.
 * In memory, every path is absolute.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SettingsScope } from '../claude/settings/settings-types.js';

/** One settings file ctxkit installed into. */
export interface SettingsInstallRecord {
  scope: SettingsScope;
  /** Absolute path of the settings file. */
  file: string;
  /** The file did not exist before the first install. */
  createdFile: boolean;
  /** Folders created for it (absolute, outermost first), removed by uninstall when empty. */
  createdDirs: string[];
  /** The file had no `hooks` key before the first install. */
  createdHooksKey: boolean;
  /** Event keys that did not exist before ctxkit added its group. */
  createdEvents: string[];
  /** Every entry path ctxkit wrote here; lets uninstall recognise an entry whose package has since moved. */
  entryPaths: string[];
  /** The `command` written (`node` or an absolute Node). */
  node: string;
  /** The Node that ran install (`process.execPath`), for `doctor` to compare with what `node` resolves to. */
  nodeExecPath: string;
  ctxkitVersion: string;
  /** ISO time of the last install that changed the file. */
  updatedAt: string;
}

export interface GitignoreRecord {
  /** Absolute path of the .gitignore. */
  file: string;
  line: string;
  createdFile: boolean;
  addedLeadingNewline: boolean;
}

export interface InstallManifest {
  version: 1;
  settings: SettingsInstallRecord[];
  gitignore?: GitignoreRecord;
  /** The store folder did not exist before install; uninstall removes it when it is left empty. */
  createdStoreDir?: boolean;
}

export const EMPTY_MANIFEST: InstallManifest = { version: 1, settings: [] };

function mapPaths(manifest: InstallManifest, map: (path: string) => string): InstallManifest {
  return {
    ...manifest,
    settings: manifest.settings.map((record) => ({ ...record, file: map(record.file), createdDirs: record.createdDirs.map(map) })),
    ...(manifest.gitignore ? { gitignore: { ...manifest.gitignore, file: map(manifest.gitignore.file) } } : {}),
  };
}

/**
 * Reads the manifest text, resolving its paths against `projectDir`. Anything unreadable counts as no record
 * (uninstall then falls back to identifying ctxkit's entries by their form).
 */
export function parseInstallManifest(text: string | undefined, projectDir: string): InstallManifest {
  if (text === undefined) return structuredClone(EMPTY_MANIFEST);
  try {
    const value = JSON.parse(text) as Partial<InstallManifest>;
    if (value.version !== 1 || !Array.isArray(value.settings)) return structuredClone(EMPTY_MANIFEST);
    return mapPaths({ ...value, version: 1, settings: value.settings } as InstallManifest, (path) => resolve(projectDir, path));
  } catch {
    return structuredClone(EMPTY_MANIFEST);
  }
}

/** The manifest's text, with paths inside `projectDir` written relative to it. */
export function formatInstallManifest(manifest: InstallManifest, projectDir: string): string {
  const relativeInside = (path: string) => {
    const rel = relative(projectDir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
  };
  return `${JSON.stringify(mapPaths(manifest, relativeInside), null, 2)}\n`;
}

/**
 * Records an install into `record.file`. What the first install created stays recorded (a later install finds the
 * file, the key and the events already there, but they are still ctxkit's to remove).
 */
export function recordSettingsInstall(manifest: InstallManifest, record: SettingsInstallRecord): InstallManifest {
  const previous = manifest.settings.find((entry) => entry.file === record.file);
  const merged: SettingsInstallRecord = previous
    ? {
        ...record,
        createdFile: previous.createdFile || record.createdFile,
        createdDirs: previous.createdDirs.length > 0 ? previous.createdDirs : record.createdDirs,
        createdHooksKey: previous.createdHooksKey || record.createdHooksKey,
        createdEvents: [...new Set([...previous.createdEvents, ...record.createdEvents])],
        entryPaths: [...new Set([...previous.entryPaths, ...record.entryPaths])],
      }
    : record;
  return { ...manifest, settings: [...manifest.settings.filter((entry) => entry.file !== record.file), merged] };
}

/** Drops the record of one settings file. */
export function forgetSettingsInstall(manifest: InstallManifest, file: string): InstallManifest {
  return { ...manifest, settings: manifest.settings.filter((entry) => entry.file !== file) };
}
