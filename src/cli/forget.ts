import { hasStore } from '../store/has-store.js';
import { defineCommand } from './command.js';
import { UsageError } from './errors.js';

export default defineCommand({
  name: 'forget',
  summary: 'Delete what the store kept',
  usage: 'ctxkit forget (--session ID | --path GLOB | --all)',
  options: {
    session: { type: 'string', description: 'Everything captured in this Claude Code session', valueName: 'id' },
    path: { type: 'string', description: 'File discoveries and edits whose project-relative path matches the glob', valueName: 'glob' },
    all: { type: 'boolean', description: 'Everything in the store' },
  },
  details: 'Deleted text is overwritten (secure_delete) and the WAL is truncated; --all also compacts the database file. The capture spool is\ningested first, so what it held is forgotten too, and the content-seen index is rebuilt from what is left.',
  async run(args, io) {
    const scopes = [args.values.session, args.values.path, args.values.all].filter((value) => value !== undefined && value !== false);
    if (scopes.length !== 1) throw new UsageError("Give exactly one of --session ID, --path GLOB or --all. See 'ctxkit forget --help'.");
    const { findProjectRoot } = await import('../store/find-project-root.js');
    const { loadValidatedConfig } = await import('../config/index.js');
    const { storePaths } = await import('../store/store-paths.js');
    const root = findProjectRoot(io.cwd, io.env);
    const paths = storePaths(root, loadValidatedConfig(root).store.dir);
    if (!hasStore(paths)) {
      io.stdout(`Nothing to forget: no ctxkit store at ${paths.db}.\n`);
      return 0;
    }
    const { openSqliteStore } = await import('../store/sqlite-store.js');
    const { store } = openSqliteStore(paths.db);
    try {
      const scope = typeof args.values.session === 'string' ? { sessionId: args.values.session } : typeof args.values.path === 'string' ? { pathGlob: args.values.path } : { all: true as const };
      // Opening the store ingested the capture spool, so spooled captures are forgotten too.
      const result = await store.forget(scope);
      const [{ rebuildSeenIndex }, { GUARDED_TOOLS }] = await Promise.all([import('../store/seen-index.js'), import('../synthesis/guarded-tools.js')]);
      rebuildSeenIndex(paths.dir, store.contentFinders(GUARDED_TOOLS));
      const parts = (['discoveries', 'originals', 'handoffs', 'sessions', 'agents', 'usage', 'leases'] as const).filter((key) => result[key] > 0).map((key) => `${result[key]} ${key}`);
      io.stdout(`Deleted ${result.total} row${result.total === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
});
