/**
 * ctxkit's hook plan: which Claude Code events run ctxkit, with which matcher and timeout.
 * This is the one place that says so; `install`, `doctor` and the plugin's hooks/hooks.json are all built from it.
 */
import type { HookEventName } from './settings/hook-events.js';
import { isHookEventName } from './settings/hook-events.js';
import type { CommandHookHandler, HooksConfig, MatcherGroup } from './settings/settings-types.js';

/** Where the hook runtime sits inside the ctxkit package. */
export const HOOK_ENTRY_RELATIVE_PATH = 'dist/hooks/entry.cjs';

/** The entry as a plugin's hooks/hooks.json names it; Claude Code substitutes the root per argument. */
export const PLUGIN_HOOK_ENTRY_PATH = '${CLAUDE_PLUGIN_ROOT}/' + HOOK_ENTRY_RELATIVE_PATH;

/** One event ctxkit listens to. `timeout` is in seconds, as Claude Code reads it. */
export interface CtxkitHookSpec {
  event: HookEventName;
  /** Omitted: the event has no matcher, or ctxkit wants every occurrence. */
  matcher?: string;
  timeout: number;
}

// Matchers are anchored regexes: an unanchored `Edit` would also match `NotebookEdit` (claude-code.md §4.2).
// SessionEnd's 15 s also raises Claude Code's 1.5 s SessionEnd budget, which only settings timeouts can do (§4.4).
export const CTXKIT_HOOK_PLAN: readonly CtxkitHookSpec[] = [
  { event: 'SessionStart', timeout: 10 },
  { event: 'UserPromptSubmit', timeout: 10 },
  { event: 'PreToolUse', matcher: '^(Agent|Task)$', timeout: 10 },
  {
    event: 'PostToolUse',
    matcher: '^(Read|Grep|Glob|Bash|WebFetch|WebSearch|Agent|Task|Edit|Write|MultiEdit|NotebookEdit|mcp__.*)$',
    timeout: 30,
  },
  // A failed call (a non-zero Bash exit, a failed Agent call) fires this instead of PostToolUse.
  {
    event: 'PostToolUseFailure',
    matcher: '^(Read|Grep|Glob|Bash|WebFetch|WebSearch|Agent|Task|Edit|Write|MultiEdit|NotebookEdit|mcp__.*)$',
    timeout: 10,
  },
  { event: 'PostToolBatch', timeout: 10 },
  { event: 'SubagentStart', timeout: 10 },
  { event: 'SubagentStop', timeout: 15 },
  { event: 'PreCompact', timeout: 10 },
  { event: 'PostCompact', timeout: 10 },
  { event: 'Stop', timeout: 15 },
  { event: 'StopFailure', timeout: 10 },
  { event: 'SessionEnd', timeout: 15 },
];

/** How ctxkit's handlers start Node. */
export interface CtxkitHookTarget {
  /** Path of dist/hooks/entry.cjs as Claude Code should see it (absolute, or with `${CLAUDE_PROJECT_DIR}`). */
  entryPath: string;
  /** The `command` field: `node` (found on PATH when the hook runs) or an absolute Node executable. */
  node?: string;
}

/** The exec-form handler for one event. */
export function buildCtxkitHandler(spec: CtxkitHookSpec, target: CtxkitHookTarget): CommandHookHandler {
  return { type: 'command', command: target.node ?? 'node', args: [target.entryPath, spec.event], timeout: spec.timeout };
}

/** The matcher group ctxkit adds for one event (key order: matcher, hooks). */
export function buildCtxkitGroup(spec: CtxkitHookSpec, target: CtxkitHookTarget): MatcherGroup {
  const handler = buildCtxkitHandler(spec, target);
  return spec.matcher === undefined ? { hooks: [handler] } : { matcher: spec.matcher, hooks: [handler] };
}

/** The whole `hooks` object ctxkit wants, one matcher group per event, in plan order. */
export function buildCtxkitHooks(target: CtxkitHookTarget, plan: readonly CtxkitHookSpec[] = CTXKIT_HOOK_PLAN): HooksConfig {
  const hooks: HooksConfig = {};
  for (const spec of plan) hooks[spec.event] = [buildCtxkitGroup(spec, target)];
  return hooks;
}

/** The content of the plugin's hooks/hooks.json. */
export function buildPluginHooksFile(): { description: string; hooks: HooksConfig } {
  return {
    description: 'ctxkit: capture what agents discover and inject the relevant part back under a token budget',
    hooks: buildCtxkitHooks({ entryPath: PLUGIN_HOOK_ENTRY_PATH }),
  };
}

/** What a handler that looks like ctxkit's says about itself. */
export interface CtxkitHandlerInfo {
  node: string;
  entryPath: string;
  event: string;
}

const NODE_EXECUTABLE = /(^|[\\/])node(js)?(\.exe)?$/i;
// entry.js: what ctxkit wrote before the entry became CommonJS; still ctxkit's, so uninstall and doctor find it.
const ENTRY_SUFFIX = /[\\/]dist[\\/]hooks[\\/]entry\.c?js$/;

/**
 * Reads a handler that has ctxkit's form: exec form, a Node executable, args `[<...>/dist/hooks/entry.cjs, <Event>]`.
 * Whether that entry belongs to ctxkit is the caller's call (see `looksLikeCtxkitEntryPath`): settings carry no
 * marker of their own, because Claude Code's handler schema is a fixed set of fields.
 */
export function readCtxkitHandler(handler: unknown): CtxkitHandlerInfo | undefined {
  if (typeof handler !== 'object' || handler === null || Array.isArray(handler)) return undefined;
  const { type, command, args } = handler as Record<string, unknown>;
  if (type !== 'command' || typeof command !== 'string' || !NODE_EXECUTABLE.test(command)) return undefined;
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [entryPath, event] = args as unknown[];
  if (typeof entryPath !== 'string' || typeof event !== 'string') return undefined;
  if (!ENTRY_SUFFIX.test(entryPath) || !isHookEventName(event)) return undefined;
  return { node: command, entryPath, event };
}

/**
 * True when an entry path names ctxkit without looking at the disk: the plugin form, or a package folder called
 * `ctxkit` (node_modules/ctxkit, a checkout named ctxkit, a versioned cache folder `ctxkit@1.2.0`).
 */
export function looksLikeCtxkitEntryPath(entryPath: string): boolean {
  if (entryPath === PLUGIN_HOOK_ENTRY_PATH || entryPath.replace(ENTRY_SUFFIX, '') === '${CLAUDE_PLUGIN_ROOT}') return true;
  const root = entryPath.replace(ENTRY_SUFFIX, '');
  const lastSegment = root.split(/[\\/]/).pop() ?? '';
  return /^ctxkit([@-][\w.+-]*)?$/i.test(lastSegment);
}

/** The package root of an entry path (`.../dist/hooks/entry.cjs` stripped). */
export function entryPackageRoot(entryPath: string): string {
  return entryPath.replace(ENTRY_SUFFIX, '');
}
