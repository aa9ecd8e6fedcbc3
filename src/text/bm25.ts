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

/** Builds a BM25 index over documents given as term lists. */
export function createBm25Index(documents: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const frequencies = documents.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of frequencies) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.reduce((sum, terms) => sum + terms.length, 0);
  const averageLength = documents.length === 0 ? 0 : total / documents.length;

  // The "+1" form keeps IDF positive for terms found in more than half the documents.
  const idf = (term: string): number => {
    const n = documentFrequency.get(term);
    if (n === undefined) return 0;
    return Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
  };

  return {
    size: documents.length,
    idf,
    score(query) {
      const unique = [...new Set(query)];
      const weights = unique.map(idf);
      return frequencies.map((counts, index) => {
        const length = documents[index].length;
        const norm = averageLength === 0 ? 1 : 1 - b + (b * length) / averageLength;
        let score = 0;
        unique.forEach((term, i) => {
          const tf = counts.get(term);
          if (tf !== undefined) score += (weights[i] * tf * (k1 + 1)) / (tf + k1 * norm);
        });
        return score;
      });
    },
  };
}
