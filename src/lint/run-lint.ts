import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CtxkitConfig } from '../config/index.js';
import { collectArgumentFiles, collectFiles, createPathFilter } from './collect-files.js';
import { createDocument } from './create-document.js';
import { decodeText } from './decode-text.js';
import { effectiveSeverity, lintDocument } from './lint-document.js';
import { createBudgetResolver } from './resolve-file-budget.js';
import { rules as allRules } from './rules/index.js';
import type { LintDocument, LintReport, LintRule } from './types.js';

export interface RunLintOptions {
  /** Repository root: paths are reported relative to it and `@file` references resolve from it. */
  root: string;
  config: CtxkitConfig;
  /** Files or folders from the command line (relative to `cwd`); they replace the lint globs. */
  paths?: readonly string[];
  cwd?: string;
  /** Lint the staged content of staged files (what the next commit records) instead of the work tree. */
  staged?: boolean;
  /** `--max-warnings`, over `lint.maxWarnings`. */
  maxWarnings?: number;
  rules?: readonly LintRule[];
}

/** Thrown for a path given on the command line that does not exist. */
export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
}

/**
 * Lints the files of a repository (or the ones named, or the staged ones) and returns the report.
 * This is the I/O shell around the pure rules: it reads files, decides what exists, and never
 * throws on a file it cannot read (that becomes a finding).
 */
export async function runLint(options: RunLintOptions): Promise<LintReport> {
  const { root, config } = options;
  const rules = options.rules ?? allRules;
  const notices: string[] = [];
  const source = options.staged ? await readStagedDocuments(root, config) : readDiskDocuments(options);
  // The work tree can be compared with its templates; the index cannot (the hook runs generate --check for that).
  if (!options.staged && rules.some((rule) => rule.id === 'stale-generated' && effectiveSeverity(rule, config.lint.rules))) {
    try {
      source.generatedStatus = await readGeneratedStatus(root, config);
    } catch (error) {
      notices.push(`Could not compare generated files with their templates (${(error as Error).message}); run ctxkit generate --check for details.`);
    }
  }
  const budgetFor = createBudgetResolver(config.budgets);
  const files = source.documents
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((doc) => ({
      path: doc.path,
      findings: lintDocument(doc, {
        rules,
        severities: config.lint.rules,
        budget: budgetFor(doc.path, doc.kind),
        exists: source.exists,
        generatedStatus: source.generatedStatus,
      }),
    }));
  let errorCount = 0;
  let warningCount = 0;
  for (const file of files) for (const finding of file.findings) finding.severity === 'error' ? errorCount++ : warningCount++;
  const maxWarnings = options.maxWarnings ?? config.lint.maxWarnings;
  return {
    files,
    rules: rules.flatMap((rule) => {
      const severity = effectiveSeverity(rule, config.lint.rules);
      return severity ? [{ id: rule.id, description: rule.description, tags: rule.tags, severity, docs: rule.docs }] : [];
    }),
    errorCount,
    warningCount,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(notices.length > 0 ? { notices } : {}),
  };
}

interface DocumentSource {
  documents: LintDocument[];
  exists: (path: string) => boolean;
  generatedStatus?: (path: string) => string | undefined;
}

function readDiskDocuments(options: RunLintOptions): DocumentSource {
  const { root, config } = options;
  let paths: string[];
  if (options.paths && options.paths.length > 0) {
    const collected = collectArgumentFiles(root, options.cwd ?? root, options.paths, config.lint.exclude);
    if (collected.missing.length > 0) {
      throw new MissingPathError(`No such file or folder: ${collected.missing.join(', ')}.`);
    }
    paths = collected.files;
  } else {
    paths = collectFiles(root, config.lint);
  }
  const documents = paths.map((path) => readDiskDocument(root, path));
  const known = new Map<string, boolean>();
  const exists = (path: string) => {
    let found = known.get(path);
    if (found === undefined) {
      found = existsSync(isAbsolute(path) ? path : join(root, path));
      known.set(path, found);
    }
    return found;
  };
  return { documents, exists };
}

function readDiskDocument(root: string, path: string): LintDocument {
  const absolute = isAbsolute(path) ? path : join(root, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return createDocument({ path, text: '', unreadable: describeReadError(absolute, error as NodeJS.ErrnoException) });
  }
  const decoded = decodeText(bytes);
  return createDocument({ path, text: decoded.text, invalidUtf8Lines: decoded.invalidLines });
}

function describeReadError(absolute: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') {
    try {
      if (lstatSync(absolute).isSymbolicLink()) return 'a symbolic link whose target does not exist';
    } catch {
      // Fall through to the plain message.
    }
    return 'the file disappeared while linting';
  }
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'ELOOP') return 'a symbolic link loop';
  if (error.code === 'EISDIR') return 'a folder, not a file';
  return `${error.code ?? 'error'}: ${error.message}`;
}

async function readStagedDocuments(root: string, config: CtxkitConfig): Promise<DocumentSource> {
  // Loaded only here so that a plain `ctxkit lint` never needs git.
  const [{ getStagedFiles }, { readIndexEntries, readStagedContent }] = await Promise.all([
    import('../git/get-staged-files.js'),
    import('../git/read-index.js'),
  ]);
  const filter = createPathFilter(config.lint);
  const [staged, index] = await Promise.all([getStagedFiles(root), readIndexEntries(root)]);
  const contents = await readStagedContent(root, staged.filter(filter.isIncluded), index);
  const documents = contents.map((content) => {
    if (!content.bytes) return createDocument({ path: content.path, text: '', unreadable: content.problem ?? 'not readable from the index' });
    const decoded = decodeText(content.bytes);
    return createDocument({ path: content.path, text: decoded.text, invalidUtf8Lines: decoded.invalidLines });
  });
  // What exists is what the commit will hold: files in the index and the folders above them.
  const present = new Set<string>();
  for (const path of index.keys()) {
    present.add(path);
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) present.add(path.slice(0, slash));
  }
  return { documents, exists: (path) => present.has(path.replace(/\/+$/, '')) };
}

/**
 * Asks the generator which outputs are stale, when the project has templates. Loaded lazily: the
 * generator's markdown stack is only paid for by projects that generate. A template that does not
 * compile is left to `ctxkit generate` to report.
 */
async function readGeneratedStatus(root: string, config: CtxkitConfig): Promise<((path: string) => string | undefined) | undefined> {
  if (!existsSync(isAbsolute(config.templates) ? config.templates : join(root, config.templates))) return undefined;
  const { checkGenerated } = await import('../generator/check-generated.js');
  const statuses = new Map(checkGenerated(root, config).map((check) => [check.path, check.status as string]));
  return (path) => statuses.get(path);
}
