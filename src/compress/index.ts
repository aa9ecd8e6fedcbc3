/**
 * The reducer registry: one reducer per content kind, chosen by `detectKind` or by the caller.
 * `compressSync` serves the hook path and loads nothing heavy; `compress` adds the tree-sitter code
 * skeleton, imported only when code is actually reduced.
 */
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { detectKind, type KindHints } from './detect-kind.js';
import { reduceGlob } from './glob.js';
import { reduceGrep } from './grep.js';
import { reduceJson } from './json.js';
import { reduceLog } from './log.js';
import { reduceMarkdown } from './markdown.js';
import { reduceReport } from './report.js';
import { reduceText } from './text.js';
import type { ContentKind, ReduceOptions, ReduceResult, SyncContentKind, SyncReducer } from './types.js';

export { detectKind, type KindHints } from './detect-kind.js';
export { CONTENT_KINDS, type ContentKind, type ReduceOptions, type ReduceResult, type SyncContentKind } from './types.js';

/** Options of `compress`: reducer options plus the kind (detected from the text and hints when absent). */
export interface CompressOptions extends ReduceOptions {
  kind?: ContentKind;
  hints?: KindHints;
}

/** The synchronous reducers, by kind. */
export const syncReducers: Record<SyncContentKind, SyncReducer> = {
  log: reduceLog,
  json: reduceJson,
  markdown: reduceMarkdown,
  glob: reduceGlob,
  grep: reduceGrep,
  report: reduceReport,
  text: reduceText,
};

function resolveKind(text: string, options: CompressOptions): ContentKind {
  return options.kind ?? detectKind(text, { ...(options.path ? { path: options.path } : {}), ...options.hints });
}

function reducerOptions(options: CompressOptions): ReduceOptions {
  const { kind: _kind, hints, ...rest } = options;
  const path = rest.path ?? hints?.path;
  return path === undefined ? rest : { ...rest, path };
}

function emptyResult(kind: ContentKind): ReduceResult {
  return { text: '', kind, tokensBefore: 0, tokensAfter: 0 };
}

/**
 * Reduces a text without loading tree-sitter: every kind but `code`, which falls back to the text
 * reducer (the result's kind then says `text`).
 */
export function compressSync(text: string, options: CompressOptions = {}): ReduceResult {
  const kind = resolveKind(text, options);
  if (text.trim() === '') return { ...emptyResult(kind), tokensBefore: estimateTokens(text) };
  const reducer = kind === 'code' ? reduceText : syncReducers[kind];
  return reducer(text, reducerOptions(options));
}

/** Reduces a text with the reducer for its kind, including the tree-sitter code skeleton. */
export async function compress(text: string, options: CompressOptions = {}): Promise<ReduceResult> {
  const kind = resolveKind(text, options);
  if (kind !== 'code') return compressSync(text, { ...options, kind });
  if (text.trim() === '') return { ...emptyResult(kind), tokensBefore: estimateTokens(text) };
  const { reduceCode } = await import('./code.js');
  return reduceCode(text, reducerOptions(options));
}
