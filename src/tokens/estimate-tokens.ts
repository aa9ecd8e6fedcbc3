const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;

/** The character classes of the pieces: ASCII letters, ASCII digits, whitespace (as JavaScript's `\s`), the rest. */
function classOf(code: number): number {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code === 32 || (code >= 9 && code <= 13)) return SPACE;
  if (code < 160) return OTHER;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff ? SPACE : OTHER;
}

/** Tokens of one piece (a run of one class) of `length` characters starting with `first`. */
function pieceTokens(kind: number, first: number, length: number): number {
  if (kind === LETTER) return Math.ceil(length / 4);
  if (kind === DIGIT) return Math.ceil(length / 3);
  // Common punctuation pairs (`": "`, `();`) merge into one token; other scripts cost more.
  return first > 127 ? Math.ceil(length * 1.5) : Math.ceil(length / 2);
}

/**
 * Offline token estimate for Claude models. No exact Claude tokenizer exists offline, so this counts
 * the pieces a BPE vocabulary splits text into: runs of letters (about 4 characters a token), runs
 * of digits (about 3), runs of symbols (about 2), and line breaks. Measured against the character
 * ratios in shared/reference/compression.md (code 3.1-4.6, prose 3.4-3.7, JSON 2.7-2.9, logs 2.2 chars
 * a token), it lands within about ±20%; it errs high on prose and low on long unbroken identifiers.
 * `calibration` multiplies the result, learned from transcript usage where available.
 */
export function estimateTokens(text: string, calibration = 1): number {
  if (text.length === 0) return 0;
  const tokens = text.length >= PIECES_MIN_CHARS && text.length <= PIECES_MAX_CHARS ? piecesTokens(text) : scanTokens(text);
  return Math.max(1, Math.round(tokens * calibration));
}

/**
 * Between these sizes the pieces come from one regular expression: a hook process runs its code cold, and
 * V8 matches a few KB natively in half the time its interpreter takes over the same loop. A short line
 * costs the call more than the scan; a long text runs the loop long enough for V8 to optimize it (and
 * allocates nothing). Both count the same.
 */
const PIECES_MIN_CHARS = 512;
const PIECES_MAX_CHARS = 64 * 1024;

// Letters, digits, one line break, or a run of anything else but whitespace: the classes of classOf.
const PIECE = /[A-Za-z]+|[0-9]+|\n|[^\sA-Za-z0-9]+/g;

/** The token count (before calibration) from the pieces the regular expression finds. */
export function piecesTokens(text: string): number {
  let tokens = 0;
  for (const piece of text.match(PIECE) ?? []) {
    const first = piece.charCodeAt(0);
    if (first === 10) tokens++;
    else tokens += pieceTokens(classOf(first), first, piece.length);
  }
  return tokens;
}

/** The token count (before calibration) by one pass over the character codes. */
export function scanTokens(text: string): number {
  let tokens = 0;
  let kind = -1;
  let first = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = classOf(code);
    // Spaces mostly merge into the next word; each line break is a token of its own.
    if (next === SPACE) {
      if (code === 10) tokens++;
    }
    if (next === kind) continue;
    if (kind !== SPACE && kind !== -1) tokens += pieceTokens(kind, first, i - start);
    kind = next;
    first = code;
    start = i;
  }
  if (kind !== SPACE) tokens += pieceTokens(kind, first, text.length - start);
  return tokens;
}

/**
 * A fast upper-bound guess from length alone, for deciding whether text is worth a full estimate
 * (the in-flight hook must let small outputs through without scanning them).
 */
export function quickTokenBound(text: string): number {
  return Math.ceil(text.length / 2);
}
