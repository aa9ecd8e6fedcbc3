import { hasStore } from '../store/has-store.js';
import { relative } from 'node:path';
import { defineCommand } from './command.js';
import { readAllStdin } from './read-all-stdin.js';
import { UsageError } from './errors.js';

/** Printed (exit 0) when there is no store: `!` lines in commands such as /orchestrate must not fail. */
export const EMPTY_POOL_MESSAGE = 'ctxkit: nothing in the pool yet (no session has been captured in this project).';
export const NO_MATCH_MESSAGE = 'ctxkit: nothing in the pool is relevant enough to this query.';
export const NO_QUERY_MESSAGE = 'ctxkit: no query given; nothing selected.';

export default defineCommand({
  name: 'context',
  summary: 'Print what would be injected for a query',
  usage: 'ctxkit context "<query>" | - [--budget N] [--json]',
  options: {
    budget: { type: 'string', description: 'Token budget (default: inject.budgetTokens from ctxkit.config.json)', valueName: 'N' },
    json: { type: 'boolean', description: 'Print the selection as JSON: items with scores, sources and freshness, and what was dropped' },
  },
  positionals: true,
  details: [
    'Runs the same selection the hooks run at each prompt (FTS5 pre-selection, BM25 with recency and use,',
    'freshness re-checked against the files on disk, packing under the budget), without recording anything.',
    'With no store yet, or nothing relevant, it prints one line and exits 0 (safe in a command\'s `!` line).',
    'A query of `-` is read from standard input: a command\'s `!` block passes free text (quotes, backticks,',
    '`$`) through a quoted heredoc that way, which no shell quoting of an argument survives.',
    '',
    'Examples:',
    '  ctxkit context "how does openDatabase run migrations"',
    '  ctxkit context "rankResults" --budget 600 --json',
    "  printf '%s' \"$GOAL\" | ctxkit context -",
  ].join('\n'),
  async run(args, io) {
    const query = (args.positionals.length === 1 && args.positionals[0] === '-' ? await readAllStdin() : args.positionals.join(' ')).trim();
    let budget: number | undefined;
    if (typeof args.values.budget === 'string') {
      budget = Number(args.values.budget);
      if (!Number.isInteger(budget) || budget < 0) throw new UsageError(`Unexpected --budget '${args.values.budget}', expected a whole number of tokens such as 1500.`);
    }
    const isJson = args.values.json === true;
    const say = (message: string, reason: string) => {
      io.stdout(isJson ? `${JSON.stringify({ query, reason, items: [], block: null })}\n` : `${message}\n`);
      return 0;
    };
    if (query.length === 0) return say(NO_QUERY_MESSAGE, 'no-query');

    const { findProjectRoot } = await import('../store/find-project-root.js');
    const { loadValidatedConfig } = await import('../config/index.js');
    const { storePaths } = await import('../store/store-paths.js');
    const root = findProjectRoot(io.cwd, io.env);
    const config = loadValidatedConfig(root);
    const paths = storePaths(root, config.store.dir);
    if (!hasStore(paths)) return say(EMPTY_POOL_MESSAGE, 'no-store');

    const { openSqliteStore } = await import('../store/sqlite-store.js');
    const { readBoundedFile } = await import('../hooks/hook-deps.js');
    const { injectContext } = await import('../synthesis/inject-context.js');
    const { store } = openSqliteStore(paths.db);
    try {
      if ((await store.counts()).discoveries === 0) return say(EMPTY_POOL_MESSAGE, 'empty');
      const budgetTokens = budget ?? config.inject.budgetTokens;
      const injection = await injectContext(
        { query, audience: 'session', budgetTokens, minScore: config.inject.minScore },
        { root, now: Date.now, store: async () => store, readFile: readBoundedFile },
      );
      if (isJson) {
        const report = {
          query,
          store: relative(io.cwd, paths.db) || paths.db,
          budgetTokens,
          tokens: injection.tokens,
          candidates: injection.candidates,
          items: injection.items.map((item) => ({
            id: item.discovery.id,
            kind: item.discovery.kind,
            key: item.discovery.key,
            relevance: Number(item.relevance.toFixed(3)),
            score: Number(item.score.toFixed(3)),
            freshness: item.freshness,
            sessionId: item.discovery.sessionId,
            agentType: item.discovery.agentType,
            createdAt: new Date(item.discovery.createdAt).toISOString(),
            rawTokens: item.discovery.rawTokens,
            tokens: item.tokens,
            sources: item.discovery.handoff?.sources ?? [],
          })),
          dropped: injection.dropped.map((entry) => ({ id: entry.discovery.id, key: entry.discovery.key, reason: entry.reason })),
          block: injection.block ?? null,
        };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return 0;
      }
      if (!injection.block) return say(NO_MATCH_MESSAGE, 'no-match');
      io.stdout(`${injection.block}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
});
