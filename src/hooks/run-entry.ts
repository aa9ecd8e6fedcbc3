import { runHook, startSafetyTimer } from './run-hook.js';
import { writeFd } from './write-fd.js';

/**
 * The hook process's life after the entry loaded: one event from argv and stdin, at most one JSON
 * object out, exit. stdin and stdout go through their file descriptors: `process.stdin` and
 * `process.stdout` are only created where a descriptor cannot be used directly. `beforeExit` runs once
 * the output is written (the code cache is saved there), never on the safety deadline's way out.
 */
export function runEntry(beforeExit: () => void = () => {}): void {
  const event = process.argv[2] ?? '';
  const timer = startSafetyTimer({ event, env: process.env, cwd: process.cwd() }, (code) => process.exit(code));
  void runHook({ event, stdin: { fd: 0, stream: () => process.stdin }, env: process.env, cwd: process.cwd() }).then((result) => {
    clearTimeout(timer);
    const exit = () => {
      beforeExit();
      process.exit(result.exitCode);
    };
    try {
      // Exit once both are written: nothing else (an open stdin, a stray handle) may hold the hook open.
      writeFd(2, result.stderr, () => process.stderr, () => writeFd(1, result.stdout, () => process.stdout, exit));
    } catch {
      exit(); // a closed stdout: Claude Code has gone, nothing left to tell it
    }
  });
}
