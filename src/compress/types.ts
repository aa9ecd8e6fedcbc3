/** The content kinds ctxkit reduces, one reducer each. */
export const CONTENT_KINDS = ['code', 'log', 'json', 'markdown', 'glob', 'grep', 'report', 'text'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
/** Every kind with a synchronous reducer (code needs WASM start-up, so it is async only). */
export type SyncContentKind = Exclude<ContentKind, 'code'>;

export interface ReduceOptions {
  /** Upper bound for the reduced text, in estimateTokens units. Without it each reducer uses its own default. */
  budgetTokens?: number;
  /** What the reader is looking for; prose and text selection rank by it. */
  query?: string;
  /** File path of the content, for language detection and display. */
  path?: string;
  /** Code language override (`typescript`, `python`, ...). */
  language?: string;
}

export interface ReduceResult {
  text: string;
  kind: ContentKind;
  tokensBefore: number;
  tokensAfter: number;
  /** Short note of what was dropped, when anything was. */
  omitted?: string;
}

export type SyncReducer = (text: string, options?: ReduceOptions) => ReduceResult;
