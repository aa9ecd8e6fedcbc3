/**
 * Everything doctor looks at, gathered by gather-facts.ts (the only part that touches the disk, spawns or loads
 * native code). The checks are pure functions of this object, so each can be table-tested with plain data.
 */
import type { CtxkitHandlerLocation } from '../claude/settings/find-ctxkit-handlers.js';
import type { SettingsScope } from '../claude/settings/settings-types.js';
import type { GeneratedFileCheck } from '../generator/check-generated.js';

/** One settings file of the three scopes. */
export interface SettingsFileFacts {
  scope: SettingsScope;
  file: string;
  /** The file's text; undefined when it does not exist. */
  text?: string;
  /** Set when the file exists but could not be read. */
  readError?: string;
  /** ctxkit's handlers in it (found whether or not the file is valid). */
  ctxkitHandlers: CtxkitHandlerLocation[];
}

/** A plugin that carries ctxkit's hooks. */
export interface PluginFacts {
  /** `name@marketplace` for installed plugins, the folder for --plugin-dir. */
  key: string;
  /** `installed`: listed in installed_plugins.json; `plugin-dir`: loaded with --plugin-dir for a session. */
  origin: 'installed' | 'plugin-dir';
  root: string;
  hooksFile: string;
  /** Claude Code loads its hooks (enabled in settings, or given with --plugin-dir). */
  enabled: boolean;
  ctxkitHandlers: CtxkitHandlerLocation[];
  /** Set when hooks/hooks.json could not be read or parsed. */
  error?: string;
}

/** One run of the hook entry with a harmless SessionStart payload in a scratch project. */
export interface HookRunFacts {
  exitCode: number | null;
  /** Wall time of the process, in milliseconds. */
  durationMs: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Error lines the hook wrote to the scratch project's hooks.log. */
  logErrors: string[];
  /** The hook logged that its handler finished (CTXKIT_DEBUG's `done in N ms` line). */
  completed: boolean;
}

/** The hook command found in the settings (or plugin) and what running it gave. */
export interface HookProbeFacts {
  /** Where the probed handler comes from (a settings file or a plugin's hooks.json). */
  source: string;
  /** `command` as written (`node` or a path). */
  command: string;
  /** The Node executable that command resolves to here; undefined when not found. */
  resolvedNode?: string;
  /** `process.versions.node` of that executable, when it ran. */
  nodeVersion?: string;
  nodeError?: string;
  /** Entry path with `${CLAUDE_PROJECT_DIR}` / `${CLAUDE_PLUGIN_ROOT}` substituted. */
  entryFile: string;
  entryExists: boolean;
  /** SessionStart's declared timeout in seconds (Claude Code's default is 600). */
  timeoutSeconds?: number;
  /** First run (creates the scratch store) and a second run (store exists), when the entry could be started. */
  runs: HookRunFacts[];
  /** True when the entry was deliberately not run (`doctor --skip-run`). */
  skipped?: boolean;
  /** Node recorded by `ctxkit install` (install.json `nodeExecPath`), for comparison. */
  installNodeExecPath?: string;
}

export interface StoreFacts {
  file: string;
  exists: boolean;
  /** `PRAGMA user_version`. */
  version?: number;
  /** The newest schema version this ctxkit knows. */
  latestVersion: number;
  /** `PRAGMA application_id` equals ctxkit's. */
  isCtxkitStore?: boolean;
  /** `PRAGMA quick_check` result (`ok` when fine). */
  quickCheck?: string;
  error?: string;
}

export interface ClaudeFacts {
  /** The `claude` executable found (PATH, then node_modules/.bin). */
  path?: string;
  /** Its version (`2.1.197`), when `claude --version` answered. */
  version?: string;
  error?: string;
}

export interface DoctorFacts {
  projectDir: string;
  /** Epoch milliseconds when the facts were gathered (recent log errors are counted from it). */
  now: number;
  node: { version: string; execPath: string };
  /** better-sqlite3 loaded and opened an in-memory database in this Node. */
  sqlite: { ok: true } | { ok: false; error: string };
  /** ctxkit.config.json: undefined error when valid or absent. */
  config: { file: string; exists: boolean; error?: string };
  settings: SettingsFileFacts[];
  plugins: PluginFacts[];
  /** Set only when at least one ctxkit handler was found and doctor was allowed to run it. */
  hookProbe?: HookProbeFacts;
  /** CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS from the environment, when set. */
  sessionEndTimeoutEnv?: string;
  store: StoreFacts;
  /** The end of the hook log (at most the last 64 KB), undefined when there is none. */
  hookLog: { file: string; tail?: string };
  claude: ClaudeFacts;
  /** checkGenerated's result, or why it could not run. */
  generated: { files: GeneratedFileCheck[] } | { error: string };
}
