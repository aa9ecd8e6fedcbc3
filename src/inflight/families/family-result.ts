/** The output families in-flight compression tells apart; each has its own reducer. */
export const FAMILIES = ['test', 'lint', 'build', 'git', 'listing', 'grep', 'json', 'web', 'log', 'code'] as const;
export type Family = (typeof FAMILIES)[number];

/** What a family reducer returns: the reduced text and its size before and after. */
export interface FamilyResult {
  text: string;
  family: Family;
  tokensBefore: number;
  tokensAfter: number;
}

export interface FamilyOptions {
  /** Target size of the reduced text; lines that must be kept may exceed it. */
  budgetTokens?: number;
  /** What the reader asked for (WebFetch prompt), for query-aware selection. */
  query?: string;
}

export type FamilyReducer = (text: string, options?: FamilyOptions) => FamilyResult;
