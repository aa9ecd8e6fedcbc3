import { reduceGrep } from '../compress/grep.js';
import { reduceJson } from '../compress/json.js';
import { reduceLog } from '../compress/log.js';
import { reduceMarkdown } from '../compress/markdown.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { reduceBuild } from './families/build.js';
import type { Family, FamilyOptions, FamilyResult } from './families/family-result.js';
import { reduceGit } from './families/git.js';
import { reduceLint } from './families/lint.js';
import { reduceListing } from './families/listing.js';
import { reduceTest } from './families/test.js';

/**
 * Reduces an output with its family's reducer. Grep, JSON, WebFetch prose and plain logs reuse the
 * src/compress reducers; tests, linters, builds, git and listings have their own (./families).
 * `code` (the opt-in Read skeleton) is async and handled by the caller.
 */
export function reduceOutput(family: Exclude<Family, 'code'>, text: string, options: FamilyOptions = {}): FamilyResult {
  const wrap = (result: { text: string; tokensBefore: number }): FamilyResult => ({ text: result.text, family, tokensBefore: result.tokensBefore, tokensAfter: estimateTokens(result.text) });
  switch (family) {
    case 'test':
      return reduceTest(text, options);
    case 'lint':
      return reduceLint(text, options);
    case 'build':
      return reduceBuild(text, options);
    case 'git':
      return reduceGit(text, options);
    case 'listing':
      return reduceListing(text, options);
    case 'grep':
      return wrap(reduceGrep(text, { budgetTokens: options.budgetTokens, query: options.query }));
    case 'json':
      return wrap(reduceJson(text, { budgetTokens: options.budgetTokens }));
    case 'web':
      return wrap(reduceMarkdown(text, { budgetTokens: options.budgetTokens, query: options.query }));
    case 'log':
      return wrap(reduceLog(text, { budgetTokens: options.budgetTokens }));
  }
}
