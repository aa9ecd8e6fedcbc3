import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One log line: ISO time, event, level, message (newlines flattened so one entry is one line). */
export function formatLogLine(at: number, event: string, level: 'error' | 'debug' | 'info', message: string): string {
  return `${new Date(at).toISOString()}\t${event || '-'}\t${level}\t${message.replace(/\s*\n\s*/g, ' | ')}\n`;
}

/**
 * Appends to the hook log, creating its folder. Hooks have no other voice (stdout and stderr belong
 * to Claude Code), and a log that cannot be written must not break the hook: failures are ignored.
 */
export function appendHookLog(file: string, line: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, line);
  } catch {
    /* fail open: nowhere left to report to */
  }
}
