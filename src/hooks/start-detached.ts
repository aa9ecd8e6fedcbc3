import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts `ctxkit <args>` in the background, detached from the hook: its own process group, no stdin,
 * stdout or stderr (Claude Code waits for a hook's output streams to close), not waited for. For work
 * too slow for a hook, such as model calls. Runs the CLI of the same package as this hook.
 */
export function startDetached(args: readonly string[], options: { cwd: string; env: Record<string, string | undefined> }): void {
  const bin = fileURLToPath(import.meta.url).replace(/[/\\](?:dist|src)[/\\].*$/, '/bin/ctxkit.js');
  spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, detached: true, stdio: 'ignore' }).unref();
}
