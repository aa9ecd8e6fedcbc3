import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test hook that saves each stdin payload as one file in the folder given as its argument. */
export const CAPTURE_HOOK = fileURLToPath(new URL('../fixtures/capture-hook.mjs', import.meta.url));

/** Every event a ctxkit session is expected to see in `-p` mode. */
export const CAPTURED_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'SubagentStart',
  'SubagentStop',
  'Stop',
  'SessionEnd',
] as const;

export type HookPayload = Record<string, any> & { hook_event_name: string };

/** `.claude/settings.json` content that runs the capture hook (exec form, explicit timeout) on `events`. */
export function captureSettings(outDir: string, events: readonly string[] = CAPTURED_EVENTS): Record<string, unknown> {
  const handler = { type: 'command', command: 'node', args: [CAPTURE_HOOK, outDir], timeout: 10 };
  return { hooks: Object.fromEntries(events.map((event) => [event, [{ hooks: [handler] }]])) };
}

/** Write `<cwd>/.claude/settings.json`. */
export function writeProjectSettings(cwd: string, settings: Record<string, unknown>): string {
  mkdirSync(join(cwd, '.claude'), { recursive: true });
  const path = join(cwd, '.claude', 'settings.json');
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`);
  return path;
}

/** The payloads the capture hook saved, oldest first (file names start with the capture time). */
export function readCapturedPayloads(outDir: string): HookPayload[] {
  let names: string[];
  try {
    names = readdirSync(outDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(join(outDir, name), 'utf8')) as HookPayload);
}

/**
 * A payload with the run's temp paths and ids replaced by stable ones, so a fixture reads like a real user's session:
 * the repo becomes /home/dev/proj, the isolated HOME /home/dev.
 */
export function normalizePayload(payload: HookPayload, paths: { cwd: string; home: string }): HookPayload {
  let text = JSON.stringify(payload);
  const replaceAll = (from: string, to: string) => {
    text = text.split(from).join(to);
  };
  replaceAll(paths.home, '/home/dev');
  replaceAll(paths.cwd, '/home/dev/proj');
  replaceAll(paths.cwd.replace(/[^a-zA-Z0-9]/g, '-'), '-home-dev-proj');
  return JSON.parse(text) as HookPayload;
}

/** Sorted key paths of an object, one level into nested objects: what a fixture promises about a payload's shape. */
export function shapeOf(value: unknown, prefix = '', depth = 0): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const keys: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    keys.push(path);
    if (depth < 1) keys.push(...shapeOf(child, path, depth + 1));
  }
  return keys.sort();
}
