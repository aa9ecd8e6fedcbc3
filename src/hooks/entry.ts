/**
 * The process Claude Code starts for every hook: `node dist/hooks/entry.cjs <EventName>`, the event
 * JSON on stdin. Prints at most one JSON object and always exits 0, except a deliberate block (2).
 * The build bundles this file as CommonJS (scripts/bundle-hooks.js), so no top-level await here.
 * stdin and stdout go through their file descriptors: `process.stdin` and `process.stdout` are only
 * created should a descriptor turn out to be non-blocking.
 */
import { runHook, startSafetyTimer } from './run-hook.js';
import { writeFd } from './write-fd.js';

const event = process.argv[2] ?? '';
const timer = startSafetyTimer({ event, env: process.env, cwd: process.cwd() }, (code) => process.exit(code));

void runHook({ event, stdin: { fd: 0, stream: () => process.stdin }, env: process.env, cwd: process.cwd() }).then((result) => {
  clearTimeout(timer);
  const exit = () => process.exit(result.exitCode);
  try {
    // Exit once both are written: nothing else (an open stdin, a stray handle) may hold the hook open.
    writeFd(2, result.stderr, () => process.stderr, () => writeFd(1, result.stdout, () => process.stdout, exit));
  } catch {
    exit(); // a closed stdout: Claude Code has gone, nothing left to tell it
  }
});
