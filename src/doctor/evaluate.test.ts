import { describe, expect, it } from 'vitest';
import { buildCtxkitHooks, CTXKIT_HOOK_PLAN, PLUGIN_HOOK_ENTRY_PATH } from '../claude/ctxkit-hooks.js';
import { findCtxkitHandlers } from '../claude/settings/find-ctxkit-handlers.js';
import type { CheckResult } from './check-result.js';
import type { DoctorFacts, HookProbeFacts, HookRunFacts, PluginFacts, SettingsFileFacts } from './doctor-facts.js';
import { evaluate } from './evaluate.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const ENTRY = '/home/dev/proj/node_modules/ctxkit/dist/hooks/entry.js';
const isCtxkit = () => true;

function settingsText(entryPath = ENTRY, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, hooks: buildCtxkitHooks({ entryPath }) }, null, 2);
}

function settingsFile(scope: SettingsFileFacts['scope'], text?: string): SettingsFileFacts {
  const file = scope === 'user' ? '/home/dev/.claude/settings.json' : `/home/dev/proj/.claude/settings${scope === 'local' ? '.local' : ''}.json`;
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { scope, file, ...(text !== undefined ? { text } : {}), ctxkitHandlers: findCtxkitHandlers(parsed, isCtxkit) };
}

function plugin(enabled = true): PluginFacts {
  const hooks = { hooks: buildCtxkitHooks({ entryPath: PLUGIN_HOOK_ENTRY_PATH }) };
  return { key: 'ctxkit@ctxkit', origin: 'installed', root: '/home/dev/.claude/plugins/cache/ctxkit', hooksFile: '/home/dev/.claude/plugins/cache/ctxkit/hooks/hooks.json', enabled, ctxkitHandlers: findCtxkitHandlers(hooks, isCtxkit) };
}

const goodRun: HookRunFacts = { exitCode: 0, durationMs: 120, timedOut: false, stdout: '', stderr: '', logErrors: [], completed: true };

function probe(overrides: Partial<HookProbeFacts> = {}): HookProbeFacts {
  return {
    source: '/home/dev/proj/.claude/settings.json',
    command: 'node',
    resolvedNode: '/usr/bin/node',
    nodeVersion: '22.1.0',
    entryFile: ENTRY,
    entryExists: true,
    timeoutSeconds: 10,
    runs: [{ ...goodRun, durationMs: 300 }, goodRun],
    ...overrides,
  };
}

/** A healthy project: ctxkit installed in the project settings, store current, Claude Code 2.1.197. */
function healthy(): DoctorFacts {
  return {
    projectDir: '/home/dev/proj',
    now: NOW,
    node: { version: '22.1.0', execPath: '/usr/bin/node' },
    sqlite: { ok: true },
    config: { file: '/home/dev/proj/ctxkit.config.json', exists: false },
    settings: [settingsFile('user'), settingsFile('project', settingsText()), settingsFile('local')],
    plugins: [],
    hookProbe: probe(),
    store: { file: '/home/dev/proj/.ctxkit/ctxkit.db', exists: true, version: 30, latestVersion: 30, isCtxkitStore: true, quickCheck: 'ok' },
    hookLog: { file: '/home/dev/proj/.ctxkit/hooks.log', tail: '2026-11-25T11:00:00.000Z\tSessionStart\tdebug\tdone in 12 ms\n' },
    claude: { path: '/usr/local/bin/claude', version: '2.1.197' },
    generated: { files: [{ path: '.claude/commands/orchestrate.md', status: 'ok' }] },
  };
}

function byId(results: CheckResult[], id: string): CheckResult {
  const result = results.find((entry) => entry.id === id);
  if (!result) throw new Error(`no check ${id}: ${results.map((entry) => entry.id).join(', ')}`);
  return result;
}

describe('evaluate', () => {
  it('finds nothing wrong in a healthy project, in a fixed order', () => {
    const results = evaluate(healthy());
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ['node', 'ok'],
      ['better-sqlite3', 'ok'],
      ['config', 'ok'],
      ['settings-user', 'ok'],
      ['settings-project', 'ok'],
      ['settings-local', 'ok'],
      ['hooks-installed', 'ok'],
      ['hook-node', 'ok'],
      ['hook-run', 'ok'],
      ['session-end-budget', 'ok'],
      ['store', 'ok'],
      ['hook-log', 'ok'],
      ['claude-version', 'ok'],
      ['tool-output-rewrite', 'ok'],
      ['generated', 'ok'],
    ]);
    for (const result of results) {
      expect(result.finding.length).toBeGreaterThan(0);
      expect(result.fix.length).toBeGreaterThan(0);
    }
    expect(byId(results, 'hooks-installed').finding).toContain(`${CTXKIT_HOOK_PLAN.length} events`);
    expect(byId(results, 'hook-run').finding).toBe('SessionStart answered in 120 ms (first run, creating a store: 300 ms); timeout 10 s.');
  });

  const cases: Array<{ name: string; change: (facts: DoctorFacts) => void; id: string; status: CheckResult['status']; finding: RegExp; fix?: RegExp; details?: RegExp }> = [
    { name: 'old Node', change: (f) => (f.node.version = '20.18.3'), id: 'node', status: 'fail', finding: /20\.18\.3 .* older than 20\.19\.0/ },
    {
      name: 'better-sqlite3 ABI mismatch',
      change: (f) => (f.sqlite = { ok: false, error: "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 127." }),
      id: 'better-sqlite3',
      status: 'fail',
      finding: /built for a different Node version/,
      fix: /npm rebuild better-sqlite3/,
    },
    { name: 'better-sqlite3 missing', change: (f) => (f.sqlite = { ok: false, error: "Cannot find module 'better-sqlite3'" }), id: 'better-sqlite3', status: 'fail', finding: /does not load: Cannot find module/ },
    { name: 'invalid config', change: (f) => (f.config = { file: '/p/ctxkit.config.json', exists: true, error: '/p/ctxkit.config.json has 1 problem(s):\n  - inject.budgetTokens: expected a number' }), id: 'config', status: 'fail', finding: /has 1 problem/, details: /inject\.budgetTokens/ },
    {
      name: 'a string timeout makes Claude Code ignore the project file',
      change: (f) => (f.settings[1] = settingsFile('project', settingsText().replace('"timeout": 10', '"timeout": "30"'))),
      id: 'settings-project',
      status: 'fail',
      finding: /settings\.json: Claude Code IGNORES THE WHOLE FILE \(a field it rejects\)/,
      fix: /drop every setting in the file/,
      details: /settings\.json:\d+:\d+: hooks\.SessionStart\[0\]\.hooks\[0\]\.timeout: Unexpected the string "30", expected a positive number/,
    },
    {
      name: 'a trailing comma makes Claude Code ignore the local file',
      change: (f) => (f.settings[2] = settingsFile('local', '{"model": "opus",}')),
      id: 'settings-local',
      status: 'fail',
      finding: /IGNORES THE WHOLE FILE \(not valid JSON\)/,
      details: /settings\.local\.json:1:\d+: not valid JSON/,
    },
    {
      name: 'an unknown event is only dropped',
      change: (f) => (f.settings[0] = settingsFile('user', JSON.stringify({ hooks: { OnSave: [] } }))),
      id: 'settings-user',
      status: 'warn',
      finding: /loads, but Claude Code drops/,
      details: /hooks\.OnSave: Unexpected hook event "OnSave"/,
    },
    {
      name: '${CLAUDE_PLUGIN_ROOT} in a settings hook',
      change: (f) => (f.settings[0] = settingsFile('user', JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/x.js'] }] }] } }))),
      id: 'settings-user',
      status: 'warn',
      finding: /drops or never runs/,
      details: /hooks\.Stop\[0\]\.hooks\[0\]: names \$\{CLAUDE_PLUGIN_ROOT\}/,
    },
    {
      name: 'installed in the project and user scopes with different paths runs twice',
      change: (f) => (f.settings[0] = settingsFile('user', settingsText('/opt/ctxkit/dist/hooks/entry.js'))),
      id: 'hooks-installed',
      status: 'fail',
      finding: /installed 2 times.*\/home\/dev\/\.claude\/settings\.json and \/home\/dev\/proj\/\.claude\/settings\.json/,
      fix: /ctxkit uninstall --scope user/,
    },
    {
      name: 'installed in settings and as an enabled plugin runs twice (plugin copies are never deduplicated)',
      change: (f) => f.plugins.push(plugin(true)),
      id: 'hooks-installed',
      status: 'fail',
      finding: /installed 2 times/,
      fix: /claude plugin disable ctxkit/,
    },
    {
      name: 'identical handlers in two settings files run once but are flagged',
      change: (f) => (f.settings[2] = settingsFile('local', settingsText())),
      id: 'hooks-installed',
      status: 'warn',
      finding: /declared in 2 places.*runs the identical handlers once/,
    },
    { name: 'a disabled plugin beside settings is fine', change: (f) => f.plugins.push(plugin(false)), id: 'hooks-installed', status: 'ok', finding: /installed once/, details: /installed but not enabled/ },
    { name: 'not installed', change: (f) => ((f.settings = [settingsFile('user'), settingsFile('project'), settingsFile('local')]), delete f.hookProbe), id: 'hooks-installed', status: 'warn', finding: /not installed/, fix: /ctxkit install/ },
    {
      name: 'installed only in an ignored file',
      change: (f) => (f.settings[1] = settingsFile('project', settingsText().replace('"timeout": 10', '"timeout": "10"'))),
      id: 'hooks-installed',
      status: 'fail',
      finding: /runs none of them/,
    },
    { name: 'disableAllHooks', change: (f) => (f.settings[2] = settingsFile('local', '{"disableAllHooks": true}')), id: 'hooks-installed', status: 'fail', finding: /disableAllHooks/ },
    {
      name: 'an older install misses an event',
      change: (f) => (f.settings[1] = settingsFile('project', JSON.stringify({ hooks: Object.fromEntries(Object.entries(buildCtxkitHooks({ entryPath: ENTRY })).filter(([event]) => event !== 'StopFailure')) }))),
      id: 'hooks-installed',
      status: 'warn',
      finding: /differ from this ctxkit's plan/,
      details: /StopFailure: missing/,
    },
    { name: 'bare node not on PATH', change: (f) => (f.hookProbe = probe({ resolvedNode: undefined, nodeVersion: undefined, runs: [] })), id: 'hook-node', status: 'fail', finding: /`node` .* is not on PATH/, fix: /--node absolute/ },
    { name: 'hook Node too old', change: (f) => (f.hookProbe = probe({ nodeVersion: '18.19.0' })), id: 'hook-node', status: 'fail', finding: /Node 18\.19\.0/ },
    { name: 'install ran with another Node', change: (f) => (f.hookProbe = probe({ installNodeExecPath: '/opt/node22/bin/node' })), id: 'hook-node', status: 'ok', finding: /resolves to \/usr\/bin\/node/, details: /install ran with \/opt\/node22\/bin\/node/ },
    { name: 'entry missing', change: (f) => (f.hookProbe = probe({ entryExists: false, runs: [] })), id: 'hook-run', status: 'fail', finding: /does not exist/, fix: /npm run build/ },
    { name: 'run skipped (--skip-run)', change: (f) => (f.hookProbe = probe({ runs: [], skipped: true })), id: 'hook-run', status: 'ok', finding: /Not run \(--skip-run\); the entry .* exists/ },
    { name: 'run skipped but the entry is missing', change: (f) => (f.hookProbe = probe({ entryExists: false, runs: [], skipped: true })), id: 'hook-run', status: 'fail', finding: /does not exist/ },
    { name: 'hook timed out', change: (f) => (f.hookProbe = probe({ runs: [{ ...goodRun, timedOut: true, exitCode: null, durationMs: 12000 }] })), id: 'hook-run', status: 'fail', finding: /did not finish within its 10 s timeout/ },
    {
      name: 'hook logs an ABI mismatch',
      change: (f) => (f.hookProbe = probe({ runs: [{ ...goodRun, completed: false, logErrors: ['Error: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115'] }] })),
      id: 'hook-run',
      status: 'fail',
      finding: /better-sqlite3 was built for a different Node version/,
      fix: /npm rebuild better-sqlite3/,
    },
    { name: 'hook logs another error', change: (f) => (f.hookProbe = probe({ runs: [{ ...goodRun, logErrors: ['SqliteError: disk I/O error'] }] })), id: 'hook-run', status: 'fail', finding: /failed and logged: SqliteError: disk I\/O error/ },
    { name: 'slow hook', change: (f) => (f.hookProbe = probe({ runs: [{ ...goodRun, durationMs: 7000 }, goodRun] })), id: 'hook-run', status: 'warn', finding: /more than half its 10 s timeout/ },
    { name: 'hook over its timeout', change: (f) => (f.hookProbe = probe({ runs: [{ ...goodRun, durationMs: 11000 }, goodRun] })), id: 'hook-run', status: 'fail', finding: /over its 10 s timeout/ },
    {
      name: 'plugin-only SessionEnd keeps the 1.5 s budget',
      change: (f) => ((f.settings = [settingsFile('user'), settingsFile('project'), settingsFile('local')]), f.plugins.push(plugin(true))),
      id: 'session-end-budget',
      status: 'warn',
      finding: /plugin timeouts do not raise Claude Code's 1\.5 s SessionEnd budget/,
      fix: /CLAUDE_CODE_SESSIONEND_HOOKS_TIMEOUT_MS/,
    },
    {
      name: 'plugin-only with the budget variable set',
      change: (f) => ((f.settings = [settingsFile('user'), settingsFile('project'), settingsFile('local')]), f.plugins.push(plugin(true)), (f.sessionEndTimeoutEnv = '15000')),
      id: 'session-end-budget',
      status: 'ok',
      finding: /=15000/,
    },
    { name: 'store from a newer ctxkit', change: (f) => (f.store = { ...f.store, version: 40 }), id: 'store', status: 'fail', finding: /schema version 40, newer than this ctxkit knows \(30\)/ },
    { name: 'store behind is migrated by the next hook', change: (f) => (f.store = { ...f.store, version: 20 }), id: 'store', status: 'ok', finding: /migrates it to 30/ },
    { name: 'foreign database', change: (f) => (f.store = { ...f.store, isCtxkitStore: false }), id: 'store', status: 'warn', finding: /not a ctxkit store/ },
    { name: 'damaged store', change: (f) => (f.store = { ...f.store, quickCheck: '*** in database main ***\nPage 5: btreeInitPage() returns error code 11' }), id: 'store', status: 'fail', finding: /is damaged/ },
    { name: 'no store yet', change: (f) => (f.store = { file: '/p/.ctxkit/ctxkit.db', exists: false, latestVersion: 30 }), id: 'store', status: 'ok', finding: /No store yet/ },
    {
      name: 'recent hook errors are shown, last five',
      change: (f) =>
        (f.hookLog.tail = Array.from({ length: 7 }, (_, i) => `2026-11-2${i}T10:00:00.000Z\tPostToolUse\terror\tSqliteError: database is locked ${i}`).join('\n') + '\n'),
      id: 'hook-log',
      status: 'warn',
      finding: /7 error\(s\) .* in the last 7 days; the last 5:/,
      details: /2026-11-26T10:00:00\.000Z PostToolUse: SqliteError: database is locked 6/,
    },
    { name: 'old errors are history', change: (f) => (f.hookLog.tail = '2026-10-01T10:00:00.000Z\tStop\terror\tboom\n'), id: 'hook-log', status: 'ok', finding: /last error was on 2026-10-01/ },
    { name: 'a damaged log', change: (f) => (f.hookLog.tail = '\u0000\u0001garbage\nnot a log line\n'), id: 'hook-log', status: 'warn', finding: /2 line\(s\) that are not log entries/ },
    { name: 'claude not found', change: (f) => (f.claude = {}), id: 'claude-version', status: 'warn', finding: /No `claude` found/ },
    { name: 'older Claude Code', change: (f) => (f.claude = { path: '/usr/local/bin/claude', version: '2.1.100' }), id: 'tool-output-rewrite', status: 'warn', finding: /Unknown whether Claude Code 2\.1\.100 applies updatedToolOutput/, fix: /may be ignored/ },
    { name: 'newer Claude Code', change: (f) => (f.claude = { path: '/usr/local/bin/claude', version: '2.2.0' }), id: 'tool-output-rewrite', status: 'ok', finding: /2\.2\.0 applies updatedToolOutput/ },
    { name: 'stale generated file', change: (f) => (f.generated = { files: [{ path: '.claude/commands/orchestrate.md', status: 'stale' }, { path: '.claude/agents/a.md', status: 'ok' }] }), id: 'generated', status: 'warn', finding: /1 of 2/, details: /stale: \.claude\/commands\/orchestrate\.md/ },
    { name: 'template error', change: (f) => (f.generated = { files: [{ path: 'templates/commands/a.md', status: 'template-error', message: '3: Include cycle' }] }), id: 'generated', status: 'fail', finding: /do not compile/, details: /templates\/commands\/a\.md:3: Include cycle/ },
  ];

  it.each(cases)('$name', ({ change, id, status, finding, fix, details }) => {
    const facts = healthy();
    change(facts);
    const result = byId(evaluate(facts), id);
    expect(result.status, JSON.stringify(result)).toBe(status);
    expect(result.finding).toMatch(finding);
    if (fix) expect(result.fix).toMatch(fix);
    if (details) expect((result.details ?? []).join('\n')).toMatch(details);
  });

  it('is pure: the same facts give the same results and are not changed', () => {
    const facts = healthy();
    const copy = structuredClone(facts);
    expect(evaluate(facts)).toEqual(evaluate(facts));
    expect(facts).toEqual(copy);
  });
});
