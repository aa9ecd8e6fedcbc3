/**
 * Offline token estimate for Claude models. No exact Claude tokenizer exists offline, so this counts
 * the pieces a BPE vocabulary splits text into: runs of letters (about 4 characters a token), runs
 * of digits (about 3), runs of symbols (about 2), and line breaks. Measured against the character
 * ratios in shared/reference/compression.md (code 3.1-4.6, prose 3.4-3.7, JSON 2.7-2.9, logs 2.2 chars
 * a token), it lands within about ±20%; it errs high on prose and low on long unbroken identifiers.
 * `calibration` multiplies the result, learned from transcript usage where available.
 */
const PIECE = /[A-Za-z]+|[0-9]+|\s+|[^A-Za-z0-9\s]+/g;

export function estimateTokens(text: string, calibration = 1): number {
  if (text.length === 0) return 0;
  let tokens = 0;
  PIECE.lastIndex = 0;
  for (let match = PIECE.exec(text); match !== null; match = PIECE.exec(text)) {
    const piece = match[0];
    const first = piece.charCodeAt(0);
    if (first <= 32) {
      // Spaces mostly merge into the next word; each line break is a token of its own.
      for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) tokens++;
    } else if (first >= 48 && first <= 57) {
      tokens += Math.ceil(piece.length / 3);
    } else if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) {
      tokens += Math.ceil(piece.length / 4);
    } else {
      // Common punctuation pairs (`": "`, `();`) merge into one token; other scripts cost more.
      tokens += first > 127 ? Math.ceil(piece.length * 1.5) : Math.ceil(piece.length / 2);
    }
  }
  return Math.max(1, Math.round(tokens * calibration));
}

/**
 * A fast upper-bound guess from length alone, for deciding whether text is worth a full estimate
 * (the in-flight hook must let small outputs through without scanning them).
 */
export function quickTokenBound(text: string): number {
  return Math.ceil(text.length / 2);
}
