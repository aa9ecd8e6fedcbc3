import { defineCommand } from './command.js';

export default defineCommand({
  name: 'doctor',
  summary: 'Check settings, hooks, store and Claude Code',
  usage: 'ctxkit doctor [--json] [--plugin-dir <path>]... [--skip-run]',
  options: {
    json: { type: 'boolean', description: 'Print the checks as JSON ({ok, checks: [{id, status, finding, fix, details?}]})' },
    'plugin-dir': {
      type: 'string',
      multiple: true,
      valueName: 'path',
      description: 'A plugin folder you pass to claude --plugin-dir (such plugins are not recorded anywhere doctor can see)',
    },
    'skip-run': { type: 'boolean', description: 'Do not run the hook entry (the hook-run check then only checks that it exists)' },
  },
  details: [
    'Checks, each ok, warn or fail with a one-line finding and a why/fix line:',
    '  node, better-sqlite3   the Node running ctxkit and the store\'s native addon',
    '  config                 ctxkit.config.json',
    '  settings-user|project|local   each Claude Code settings file is valid (one bad field: the WHOLE file is ignored)',
    '  hooks-installed        ctxkit hooks run once (not twice across scopes and plugins) and match this version',
    '  hook-node, hook-run    the hook\'s `node` resolves and works; the entry answers SessionStart within its timeout',
    '                         (run in a scratch project: your store is not touched)',
    '  session-end-budget     the SessionEnd hook gets more than Claude Code\'s 1.5 s default',
    '  store, hook-log        the store opens with a current schema; the last errors the hooks logged',
    '  claude-version, tool-output-rewrite   the Claude Code found, and whether it applies updatedToolOutput',
    '  generated              generated commands/agents match their templates',
    'Exit codes: 0 no check failed (warnings allowed); 1 a check failed; 2 doctor could not run.',
  ].join('\n'),
  async run(args, io) {
    const [{ gatherFacts }, { evaluate }, { renderDoctorJson, renderDoctorText }, { hasFailures }] = await Promise.all([
      import('../doctor/gather-facts.js'),
      import('../doctor/evaluate.js'),
      import('../doctor/render-doctor.js'),
      import('../doctor/check-result.js'),
    ]);
    const facts = await gatherFacts({
      cwd: io.cwd,
      env: io.env,
      pluginDirs: (args.values['plugin-dir'] as string[] | undefined) ?? [],
      runHook: !args.values['skip-run'],
    });
    const results = evaluate(facts);
    io.stdout(args.values.json ? renderDoctorJson(results) : renderDoctorText(results));
    return hasFailures(results) ? 1 : 0;
  },
});
