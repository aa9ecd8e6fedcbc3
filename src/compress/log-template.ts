/**
 * Masks the variable parts of a log line so lines printed by the same statement share one
 * template (a simplified Drain): timestamps, UUIDs, hex ids, numbers; in loose mode also quoted
 * strings and whole paths, for when the strict templates are still too many for the budget.
 */
const MASKS: [RegExp, string][] = [
  [/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<ts>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<ts>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, '<hex>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
];

const LOOSE_MASKS: [RegExp, string][] = [
  [/"[^"]*"|'[^']*'|`[^`]*`/g, '<str>'],
  [/(?:[\w.@~-]*[/\\])+[\w.@~-]*/g, '<path>'],
];

/** The masked template of one line; whitespace runs count as one space. */
export function logTemplate(line: string, loose = false): string {
  let template = line.trim();
  if (loose) for (const [pattern, mask] of LOOSE_MASKS) template = template.replace(pattern, mask);
  for (const [pattern, mask] of MASKS) template = template.replace(pattern, mask);
  return template.replace(/\s+/g, ' ');
}
