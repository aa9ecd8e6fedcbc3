import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from './command.js';
import { UsageError, UserError } from './errors.js';

export default defineCommand({
  name: 'refine',
  summary: 'Refine captured summaries now (content reducers; with --llm, verified model summaries)',
  usage: 'ctxkit refine [--llm] [--limit N] [--json]',
  options: {
    llm: { type: 'boolean', description: 'Also replace summaries with model-written ones, verified against the originals (needs llm.enabled and ANTHROPIC_API_KEY)' },
    limit: { type: 'string', description: 'At most this many items (default 200)', valueName: 'N' },
    json: { type: 'boolean', description: 'Print the counts as JSON' },
  },
  details: [
    'Hooks keep a quick cut of what they capture; each SessionStart refines up to 40 of them with the content reducers',
    '(code skeletons, logs by template, searches by file). This does the same for everything waiting, at once. With',
    '--llm, or when SessionStart starts it detached because llm.enabled is on, it then asks the model for summaries and',
    'keeps one only if it names no identifier, path or number the original lacks; each call counts as ctxkit\'s cost in stats.',
  ].join('\n'),
  async run(args, io) {
    const limit = args.values.limit === undefined ? 200 : Number(args.values.limit);
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`Unexpected --limit '${String(args.values.limit)}', expected a positive whole number.`);
    const [{ findProjectRoot }, { loadCommandConfig }, { storePaths }, { hasStore }] = await Promise.all([
      import('../store/find-project-root.js'),
      import('./load-command-config.js'),
      import('../store/store-paths.js'),
      import('../store/has-store.js'),
    ]);
    const root = findProjectRoot(io.cwd, io.env);
    const config = loadCommandConfig(root);
    const { llmSettings } = await import('../compress/llm-settings.js');
    const settings = args.values.llm ? llmSettings(config.llm, io.env) : undefined;
    if (args.values.llm && !settings) throw new UserError('--llm needs "llm": {"enabled": true} in ctxkit.config.json and ANTHROPIC_API_KEY in the environment.');
    const paths = storePaths(root, config.store.dir);
    const counts = { reduced: 0, kept: 0, modelSummaries: 0, modelRejected: 0 };
    if (hasStore(paths)) {
      const [{ openSqliteStore }, { refinePending, refineWithModel }, { compress }] = await Promise.all([
        import('../store/sqlite-store.js'),
        import('../synthesis/refine-pending.js'),
        import('../compress/index.js'),
      ]);
      // Model calls cost money: two sessions starting at once must not send the same items twice.
      const lock = settings ? takeLock(join(paths.dir, 'refine.lock')) : undefined;
      if (settings && !lock) {
        io.stdout('Another ctxkit refine --llm is running; nothing done.\n');
        return 0;
      }
      const { store } = openSqliteStore(paths.db);
      try {
        const reduced = await refinePending(store, { loadCompress: async () => compress, limit, deadline: Number.POSITIVE_INFINITY, now: Date.now });
        counts.reduced = reduced.refined;
        counts.kept = reduced.kept;
        if (settings) {
          const { summarizeWithLlm } = await import('../compress/llm-summary.js');
          const byModel = await refineWithModel(store, { summarize: (text, extractive) => summarizeWithLlm(text, { ...settings, extractive }), limit, now: Date.now });
          counts.modelSummaries = byModel.refined;
          counts.modelRejected = byModel.rejected;
        }
      } finally {
        await store.close();
        lock?.release();
      }
    }
    if (args.values.json) io.stdout(`${JSON.stringify(counts)}\n`);
    else {
      const model = settings ? `; ${counts.modelSummaries} model summaries kept, ${counts.modelRejected} rejected (they named facts the original lacks, or failed)` : '';
      io.stdout(`Refined ${counts.reduced} summaries with the content reducers (${counts.kept} kept as they were)${model}.\n`);
    }
    return 0;
  },
});

/** A lock older than this was left by a refine that died: it is taken over. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** Creates the lock file exclusively; undefined when another live refine holds it. */
function takeLock(file: string): { release: () => void } | undefined {
  const take = () => {
    closeSync(openSync(file, 'wx'));
    return { release: () => rmSync(file, { force: true }) };
  };
  try {
    return take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (Date.now() - statSync(file).mtimeMs < STALE_LOCK_MS) return undefined;
    rmSync(file, { force: true });
    return take();
  }
}
