import type { Migration } from './migration.js';
import { up as initialSchema } from './0010-initial-schema.js';
import { up as searchIndex } from './0020-search-index.js';
import { up as poolState } from './0030-pool-state.js';
import { up as summaryMethod } from './0040-summary-method.js';
import { up as originalFiles } from './0050-original-files.js';
import { up as rankingTerms } from './0060-ranking-terms.js';
import { up as searchVocabulary } from './0070-search-vocabulary.js';

export type { Migration } from './migration.js';

/** Every schema step in order. Versions step by 10 to leave room for a fix between two shipped steps. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'initial-schema', up: initialSchema },
  { version: 20, name: 'search-index', up: searchIndex },
  { version: 30, name: 'pool-state', up: poolState },
  { version: 40, name: 'summary-method', up: summaryMethod },
  { version: 50, name: 'original-files', up: originalFiles },
  { version: 60, name: 'ranking-terms', up: rankingTerms },
  { version: 70, name: 'search-vocabulary', up: searchVocabulary },
];
