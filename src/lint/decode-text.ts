/** Text decoded from a file's bytes, and where the bytes were not UTF-8. */
export interface DecodedText {
  text: string;
  /** 1-based lines that held invalid UTF-8 (each such byte became U+FFFD in `text`). */
  invalidLines: number[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes UTF-8 without ever failing: invalid bytes become U+FFFD so the rest of the file can still
 * be linted, and the lines that held them are listed. A leading byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: stripBom(strict.decode(bytes)), invalidLines: [] };
  } catch {
    // Rare path: find the offending lines one by one (a literal U+FFFD in valid text is not a problem).
    const invalidLines: number[] = [];
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          strict.decode(bytes.subarray(start, i));
        } catch {
          invalidLines.push(line);
        }
        start = i + 1;
        line++;
      }
    }
    return { text: stripBom(lenient.decode(bytes)), invalidLines };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
