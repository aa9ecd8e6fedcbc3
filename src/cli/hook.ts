import { defineCommand } from './command.js';

/**
 * `ctxkit hook <Event>`: the same runtime as dist/hooks/entry.cjs, for settings that call the CLI.
 * Like the entry it always exits 0 (or 2 for a deliberate block) and prints at most one JSON object.
 */
export default defineCommand({
  name: 'hook',
  summary: 'Run one Claude Code hook event (called by Claude Code)',
  usage: 'ctxkit hook <Event>   (event JSON on stdin)',
  options: {},
  positionals: true,
  details: [
    'Events: SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, PostToolBatch, SubagentStart,',
    'SubagentStop, PreCompact, PostCompact, Stop, StopFailure, SessionEnd.',
    'Problems never reach Claude Code: they are written to <project>/.ctxkit/hooks.log (CTXKIT_DEBUG=1 logs more).',
  ].join('\n'),
  async run(args, io) {
    const { runHook, startSafetyTimer } = await import('../hooks/run-hook.js');
    const event = args.positionals[0] ?? '';
    // The one process.exit in a command: a hook that overstays must end quietly before Claude Code kills it.
    const timer = startSafetyTimer({ event, env: io.env, cwd: io.cwd }, (code) => process.exit(code));
    try {
      const result = await runHook({ event, stdin: { fd: 0, stream: () => process.stdin }, env: io.env, cwd: io.cwd });
      if (result.stderr) io.stderr(result.stderr);
      if (result.stdout) io.stdout(result.stdout);
      return result.exitCode;
    } finally {
      clearTimeout(timer);
    }
  },
});
