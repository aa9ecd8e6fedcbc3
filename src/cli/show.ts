import { hasStore } from '../store/has-store.js';
import { defineCommand } from './command.js';
import { UsageError, UserError } from './errors.js';

/** `--lines A-B` (1-based, inclusive; `A-` to the end, `A` alone for one line). */
export function parseLineRange(value: string): { start: number; end: number } {
  const match = /^(\d+)(?:-(\d*))?$/.exec(value.trim());
  if (!match) throw new UsageError(`Unexpected --lines '${value}', expected A-B (for example 10-40).`);
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : match[2] === '' ? Number.POSITIVE_INFINITY : Number(match[2]);
  if (start < 1 || end < start) throw new UsageError(`Unexpected --lines '${value}', expected 1 <= A <= B.`);
  return { start, end };
}

/** Numbered lines of `text`, cut to a range and filtered by a pattern. */
export function selectLines(text: string, options: { range?: { start: number; end: number }; pattern?: RegExp }): Array<{ n: number; text: string }> {
  const lines = text.replace(/\n$/, '').split('\n').map((line, index) => ({ n: index + 1, text: line }));
  return lines.filter((line) => (!options.range || (line.n >= options.range.start && line.n <= options.range.end)) && (!options.pattern || options.pattern.test(line.text)));
}

export default defineCommand({
  name: 'show',
  summary: 'Print a stored original by id',
  usage: 'ctxkit show <id> [--lines A-B] [--grep PATTERN] [--json]',
  options: {
    lines: { type: 'string', description: 'Only lines A to B (1-based, inclusive)', valueName: 'A-B' },
    grep: { type: 'string', description: 'Only lines matching this regular expression (prefixed with their line number)', valueName: 'pattern' },
    json: { type: 'boolean', description: 'Print the discovery and its text as JSON' },
  },
  positionals: true,
  details: 'Prints what a hook kept of a tool output: the original text (secrets redacted; for Bash, stdout then stderr), or the summary when the original was evicted or never kept.',
  async run(args, io) {
    const [rawId, ...extra] = args.positionals;
    if (rawId === undefined) throw new UsageError("Missing <id>. See 'ctxkit show --help'.");
    if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}' for 'ctxkit show'.`);
    const id = Number(rawId.replace(/^#/, ''));
    if (!Number.isInteger(id) || id < 1) throw new UsageError(`Unexpected id '${rawId}', expected a number such as 42.`);
    const range = typeof args.values.lines === 'string' ? parseLineRange(args.values.lines) : undefined;
    let pattern: RegExp | undefined;
    if (typeof args.values.grep === 'string') {
      try {
        pattern = new RegExp(args.values.grep);
      } catch (error) {
        throw new UsageError(`Unexpected --grep pattern: ${(error as Error).message}`);
      }
    }

    const { findProjectRoot } = await import('../store/find-project-root.js');
    const { loadValidatedConfig } = await import('../config/index.js');
    const { storePaths } = await import('../store/store-paths.js');
    const root = findProjectRoot(io.cwd, io.env);
    const paths = storePaths(root, loadValidatedConfig(root).store.dir);
    if (!hasStore(paths)) throw new UserError(`No ctxkit store at ${paths.db}. Nothing has been captured in this project yet.`);
    const { openSqliteStore } = await import('../store/sqlite-store.js');
    const { store } = openSqliteStore(paths.db);
    try {
      const discovery = await store.get(id);
      if (!discovery) throw new UserError(`No stored discovery with id ${id} in ${paths.db}.`);
      const original = await store.getOriginal(id);
      const text = original ? (original.stderr ? `${original.text.replace(/\n?$/, '\n')}${original.stderr}` : original.text) : discovery.summary;
      const filtered = range || pattern;
      const selected = filtered ? selectLines(text, { range, pattern }) : undefined;
      if (args.values.json) {
        const { meta, ...rest } = discovery;
        const record = {
          ...rest,
          createdAt: new Date(discovery.createdAt).toISOString(),
          meta,
          source: original ? 'original' : 'summary',
          text: original?.text ?? discovery.summary,
          stderr: original?.stderr,
          ...(selected ? { lines: selected } : {}),
        };
        io.stdout(`${JSON.stringify(record, null, 2)}\n`);
        return 0;
      }
      if (selected) {
        io.stdout(selected.map((line) => (pattern ? `${line.n}:${line.text}` : line.text)).join('\n') + (selected.length > 0 ? '\n' : ''));
      } else {
        // Exactly the stored bytes when piped or redirected; a terminal gets a final line break.
        io.stdout(!io.isTTY || text.endsWith('\n') || text.length === 0 ? text : `${text}\n`);
      }
      if (!original) io.stderr(`(summary of ${discovery.kind} '${discovery.key}': the original was not kept or was evicted)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
});
