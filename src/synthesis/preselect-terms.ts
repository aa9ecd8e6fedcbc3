import { tokenize } from '../text/tokenize.js';

/**
 * Words that carry the shape of a request, not its subject ("how does X handle Y?"). They would
 * match half the pool in the FTS5 pre-selection and make the prompt hook scan all of it.
 */
const REQUEST_WORDS = new Set(
  (
    'about after again all also am any anything before being both can could did do does doing done each else ' +
    'even ever every find fix get give go got had handle handled handles help here how i just know let like look ' +
    'make may me might more most much must my need new no not now ok okay one only other our out over please ' +
    'really right same see should show so some something still such sure take tell than thanks that them they ' +
    'thing things think those through too try under up us use used using very want was way we well what when ' +
    'where which while who why would yes yet you your'
  ).split(' '),
);

/** At most this many terms go to FTS5: each OR-ed term widens the scan. */
const MAX_TERMS = 12;

/**
 * The terms a query pre-selects candidates by: its identifier-aware terms minus request words,
 * compounds (paths, camelCase, snake_case) and longer words first, since they are the rarest.
 * BM25 later ranks with every term of the query; this only bounds the candidate set.
 */
export function preselectTerms(query: string): string[] {
  const terms = [...new Set(tokenize(query))].filter((term) => !REQUEST_WORDS.has(term));
  const isCompound = (term: string) => /[./\\:#@_$-]/.test(term) || /\d/.test(term);
  return terms
    .map((term, index) => ({ term, index, weight: (isCompound(term) ? 100 : 0) + Math.min(term.length, 20) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, MAX_TERMS)
    .map((entry) => entry.term);
}
