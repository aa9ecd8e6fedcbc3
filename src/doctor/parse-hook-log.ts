/** Reads the hook log's lines (`<ISO time>\t<event>\t<level>\t<message>`, src/hooks/hook-log.ts) back. */

export interface HookLogEntry {
  at: string;
  event: string;
  level: string;
  message: string;
}

/**
 * Parses the log text; lines that do not have the four fields (a torn write, a foreign line, binary garbage) are
 * counted, not fatal: the log is a diagnostic aid and must stay readable when damaged.
 */
export function parseHookLog(text: string): { entries: HookLogEntry[]; unreadable: number } {
  const entries: HookLogEntry[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const [at, event, level, ...rest] = line.split('\t');
    if (rest.length === 0 || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) || !/^[a-z]+$/.test(level)) {
      unreadable++;
      continue;
    }
    entries.push({ at, event, level, message: rest.join('\t') });
  }
  return { entries, unreadable };
}
