/** Compares dotted numeric versions (`20.19.0`, `v22.1.0`, `2.1.197`): negative, 0 or positive. Missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => version.replace(/^v/, '').split(/[.+-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The first `x.y.z` in a text such as `2.1.197 (Claude Code)` or `v20.19.1`. */
export function findVersion(text: string): string | undefined {
  return /(\d+\.\d+\.\d+)/.exec(text)?.[1];
}
