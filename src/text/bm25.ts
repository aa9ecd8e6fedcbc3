/**
 * Okapi BM25 over pre-tokenized documents (see tokenize.ts). Small on purpose: the hook path
 * ranks a few hundred lines or stored items per call and must not load a search library.
 */

export interface Bm25Options {
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation (default 0.75). */
  b?: number;
}

export interface Bm25Index {
  /** Number of documents. */
  readonly size: number;
  /** Inverse document frequency of a term (0 when the term is absent). */
  idf(term: string): number;
  /** BM25 score of every document for the query terms, in document order. */
  score(query: readonly string[]): number[];
}

/**
 * Builds a BM25 index over documents given as term lists. Statistics are computed per query term on
 * demand (one pass over the documents for a query), not for the whole vocabulary up front: a ranking
 * call asks about a handful of terms over a few hundred documents, once.
 */
export function createBm25Index(documents: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const total = documents.reduce((sum, terms) => sum + terms.length, 0);
  const averageLength = documents.length === 0 ? 0 : total / documents.length;

  /** Term frequencies of the given terms in each document (only those terms are counted). */
  const countTerms = (terms: ReadonlySet<string>): Array<Map<string, number>> =>
    documents.map((document) => {
      const counts = new Map<string, number>();
      for (const term of document) if (terms.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
      return counts;
    });
  const documentFrequencies = new Map<string, number>();
  const remember = (counts: Array<Map<string, number>>, terms: Iterable<string>) => {
    for (const term of terms) documentFrequencies.set(term, counts.reduce((n, document) => n + (document.has(term) ? 1 : 0), 0));
  };

  // The "+1" form keeps IDF positive for terms found in more than half the documents.
  const idf = (term: string): number => {
    if (!documentFrequencies.has(term)) remember(countTerms(new Set([term])), [term]);
    const n = documentFrequencies.get(term)!;
    if (n === 0) return 0;
    return Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
  };

  return {
    size: documents.length,
    idf,
    score(query) {
      const unique = [...new Set(query)];
      const counts = countTerms(new Set(unique));
      remember(counts, unique.filter((term) => !documentFrequencies.has(term)));
      const weights = unique.map(idf);
      return counts.map((termCounts, index) => {
        const length = documents[index].length;
        const norm = averageLength === 0 ? 1 : 1 - b + (b * length) / averageLength;
        let score = 0;
        unique.forEach((term, i) => {
          const tf = termCounts.get(term);
          if (tf !== undefined) score += (weights[i] * tf * (k1 + 1)) / (tf + k1 * norm);
        });
        return score;
      });
    },
  };
}
