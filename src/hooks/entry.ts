/**
 * The process Claude Code starts for every hook: `node dist/hooks/entry.cjs <EventName>`, the event
 * JSON on stdin. Prints at most one JSON object and always exits 0, except a deliberate block (2).
 * The build bundles this file as CommonJS (scripts/bundle-hooks.js), so no top-level await here.
 */
import { runHook, startSafetyTimer } from './run-hook.js';

const event = process.argv[2] ?? '';
const timer = startSafetyTimer({ event, env: process.env, cwd: process.cwd() }, (code) => process.exit(code));

void runHook({ event, stdin: process.stdin, env: process.env, cwd: process.cwd() }).then((result) => {
  clearTimeout(timer);
  if (result.stderr) process.stderr.write(result.stderr);
  // Exit once stdout is flushed: nothing else (an open stdin, a stray handle) may hold the hook open.
  process.stdout.write(result.stdout, () => process.exit(result.exitCode));
});
