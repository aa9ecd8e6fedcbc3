const RELATIVE = /^(\d+)\s*([hdw])$/i;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Reads a `--since` value: a date (`2026-11-01`, midnight UTC), a date and time in ISO 8601, or a span
 * back from `now` (`12h`, `7d`, `2w`). Returns undefined when the value is none of these.
 */
export function parseSince(value: string, now: number): Date | undefined {
  const text = value.trim();
  const relative = RELATIVE.exec(text);
  if (relative) return new Date(now - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
