/** Column alignment: numbers right, text left. */
export type Align = 'left' | 'right';

/**
 * Lays out rows as aligned columns separated by two spaces, with a header row and a rule under it.
 * Trailing spaces are trimmed so the output diffs cleanly.
 */
export function formatTable(headers: string[], rows: string[][], align: Align[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (align[column] === 'right' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** An integer with thousands separators (`1234567` → `1,234,567`), independent of the machine's locale. */
export function formatCount(value: number, options: { signed?: boolean } = {}): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (rounded < 0) return `-${digits}`;
  return options.signed && rounded > 0 ? `+${digits}` : digits;
}
