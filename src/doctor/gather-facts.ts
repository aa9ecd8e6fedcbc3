/**
 * The shell around the doctor checks: reads the settings, plugins, store, hook log and install record, loads
 * better-sqlite3, asks `claude --version`, and runs the hook entry once in a scratch project. Heavy modules
 * (better-sqlite3, the generator) are imported only here and only when needed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCtxkitHandlers } from '../claude/settings/find-ctxkit-handlers.js';
import { SETTINGS_SCOPES } from '../claude/settings/settings-types.js';
import { CONFIG_FILE, defaultConfig, loadValidatedConfig, type CtxkitConfig } from '../config/index.js';
import { makeIsCtxkitEntry } from '../install/ctxkit-entry-identity.js';
import { parseInstallManifest } from '../install/install-manifest.js';
import { readTextFile } from '../install/read-text-file.js';
import { claudeConfigDir, settingsFilePath } from '../install/settings-paths.js';
import { storePaths } from '../store/store-paths.js';
import { findVersion } from './compare-versions.js';
import { listCtxkitSources } from './ctxkit-sources.js';
import type { ClaudeFacts, DoctorFacts, HookProbeFacts, SettingsFileFacts, StoreFacts } from './doctor-facts.js';
import { findCtxkitPlugins } from './find-ctxkit-plugins.js';
import { probeHookEntry, readNodeVersion, resolveExecutable } from './probe-hook.js';
import { judgeSettings } from './settings-verdict.js';

export interface GatherOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Folders passed to Claude Code with --plugin-dir (not recorded anywhere Claude Code keeps). */
  pluginDirs?: readonly string[];
  /** Run the hook entry (default true). */
  runHook?: boolean;
  /** Fallback for HOME. */
  home?: string;
  now?: number;
}

const LOG_TAIL_BYTES = 64 * 1024;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The last `bytes` of a file, starting at a line boundary. */
function readTail(file: string, bytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = statSync(file).size;
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
}

async function readSettingsFile(file: string): Promise<{ text?: string; readError?: string }> {
  try {
    const text = await readTextFile(file);
    return text === undefined ? {} : { text };
  } catch (error) {
    return { readError: errorMessage(error) };
  }
}

async function checkSqlite(): Promise<DoctorFacts['sqlite']> {
  try {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    db.prepare('SELECT 1').get();
    db.close();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

async function inspectStore(file: string): Promise<StoreFacts> {
  const [{ migrations }, { APPLICATION_ID }] = await Promise.all([import('../store/migrations/index.js'), import('../store/run-migrations.js')]);
  const latestVersion = migrations[migrations.length - 1]?.version ?? 0;
  if (!existsSync(file)) return { file, exists: false, latestVersion };
  try {
    const { default: Database } = await import('better-sqlite3');
    // Read-only: doctor never migrates, repairs or creates anything in the user's store.
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      const quickCheck = String(db.pragma('quick_check', { simple: true }));
      return { file, exists: true, latestVersion, version, isCtxkitStore: applicationId === APPLICATION_ID, quickCheck };
    } finally {
      db.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return { file, exists: true, latestVersion, isCtxkitStore: false };
    if (code?.startsWith('SQLITE_CORRUPT')) return { file, exists: true, latestVersion, quickCheck: errorMessage(error) };
    return { file, exists: true, latestVersion, error: errorMessage(error) };
  }
}

function findClaude(projectDir: string, env: NodeJS.ProcessEnv): ClaudeFacts {
  const path = resolveExecutable('claude', env) ?? (existsSync(join(projectDir, 'node_modules', '.bin', 'claude')) ? join(projectDir, 'node_modules', '.bin', 'claude') : undefined);
  if (path === undefined) return {};
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, env: { ...env, DISABLE_AUTOUPDATER: '1' } });
  if (result.error) return { path, error: result.error.message };
  const version = findVersion(result.stdout ?? '');
  return version ? { path, version } : { path, error: (result.stderr || result.stdout || '').trim().split('\n')[0] };
}

async function checkGeneratedFiles(projectDir: string, config: CtxkitConfig): Promise<DoctorFacts['generated']> {
  try {
    const { checkGenerated } = await import('../generator/check-generated.js');
    return { files: checkGenerated(projectDir, config) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/** Picks the handler to run (SessionStart of the first active source) and runs it in a scratch project. */
function probeHooks(facts: Pick<DoctorFacts, 'settings' | 'plugins' | 'projectDir'>, env: NodeJS.ProcessEnv, installNode: Map<string, string>, run: boolean): HookProbeFacts | undefined {
  const source = listCtxkitSources(facts).find((candidate) => candidate.active);
  if (!source) return undefined;
  const handler = source.handlers.find((candidate) => candidate.key === 'SessionStart') ?? source.handlers[0];
  let entryFile = handler.entryPath.replaceAll('${CLAUDE_PROJECT_DIR}', facts.projectDir);
  if (source.pluginRoot) entryFile = entryFile.replaceAll('${CLAUDE_PLUGIN_ROOT}', source.pluginRoot);
  const resolvedNode = resolveExecutable(handler.node, env);
  const version = resolvedNode ? readNodeVersion(resolvedNode, env) : {};
  const entryExists = existsSync(entryFile);
  const timeoutSeconds = handler.key === 'SessionStart' ? handler.timeout : undefined;
  const installNodeExecPath = installNode.get(source.label);
  const runs =
    run && resolvedNode && version.version && entryExists
      ? probeHookEntry({ node: resolvedNode, entryFile, env, ...(timeoutSeconds ? { timeoutSeconds } : {}), ...(source.pluginRoot ? { extraEnv: { CLAUDE_PLUGIN_ROOT: source.pluginRoot } } : {}) })
      : [];
  return {
    source: source.label,
    command: handler.node,
    ...(resolvedNode ? { resolvedNode } : {}),
    ...(version.version ? { nodeVersion: version.version } : {}),
    ...(version.error ? { nodeError: version.error } : {}),
    entryFile,
    entryExists,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    runs,
    ...(run ? {} : { skipped: true }),
    ...(installNodeExecPath ? { installNodeExecPath } : {}),
  };
}

/** Gathers every fact the checks need. Never throws for a problem it is meant to report. */
export async function gatherFacts(options: GatherOptions): Promise<DoctorFacts> {
  const projectDir = resolve(options.cwd);
  const configDir = claudeConfigDir(options.env, options.home ?? homedir());
  const configFile = join(projectDir, CONFIG_FILE);
  let config: CtxkitConfig = structuredClone(defaultConfig);
  let configError: string | undefined;
  try {
    config = loadValidatedConfig(projectDir);
  } catch (error) {
    configError = errorMessage(error);
  }
  const paths = storePaths(projectDir, config.store.dir);
  const manifest = parseInstallManifest(await readTextFile(join(paths.dir, 'install.json')).catch(() => undefined), projectDir);
  const isCtxkitEntry = makeIsCtxkitEntry({ projectDir, known: manifest.settings.flatMap((record) => record.entryPaths) });

  const settings: SettingsFileFacts[] = [];
  for (const scope of SETTINGS_SCOPES) {
    const file = settingsFilePath(scope, projectDir, configDir);
    const read = await readSettingsFile(file);
    let parsed: unknown;
    try {
      parsed = read.text === undefined ? undefined : JSON.parse(read.text.replace(/^\ufeff/, ''));
    } catch {
      parsed = undefined;
    }
    settings.push({ scope, file, ...read, ctxkitHandlers: findCtxkitHandlers(parsed, isCtxkitEntry) });
  }
  const loaded = [...settings].reverse().map((entry) => {
    const verdict = judgeSettings(entry.file, entry.text, entry.readError);
    return verdict.state === 'loaded' ? verdict.value : undefined;
  });
  const plugins = await findCtxkitPlugins({ configDir, projectDir, pluginDirs: options.pluginDirs ?? [], settingsByPrecedence: loaded });
  const installNode = new Map(manifest.settings.map((record) => [record.file, record.nodeExecPath]));
  const hookProbe = probeHooks({ settings, plugins, projectDir }, options.env, installNode, options.runHook ?? true);

  const [sqlite, store, generated] = await Promise.all([checkSqlite(), inspectStore(paths.db), checkGeneratedFiles(projectDir, config)]);
  const tail = readTail(paths.log, LOG_TAIL_BYTES);
  const sessionEndTimeoutEnv = options.env.CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS;
  return {
    projectDir,
    now: options.now ?? Date.now(),
    node: { version: process.versions.node, execPath: process.execPath },
    sqlite,
    config: { file: configFile, exists: existsSync(configFile), ...(configError !== undefined ? { error: configError } : {}) },
    settings,
    plugins,
    ...(hookProbe ? { hookProbe } : {}),
    ...(sessionEndTimeoutEnv ? { sessionEndTimeoutEnv } : {}),
    store,
    hookLog: { file: paths.log, ...(tail !== undefined ? { tail } : {}) },
    claude: findClaude(projectDir, options.env),
    generated,
  };
}
