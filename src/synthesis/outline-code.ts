/**
 * A code file's summary reduced to its declarations for injection: the lines that name what the
 * file offers (exports, functions, classes, types), bodies and comments dropped. Per token that is
 * what a later reader most needs to know the file without reading it; `ctxkit show` has the rest.
 */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|rb|php|cs|swift|scala|c|h|cc|cpp|hpp)$/i;
const DECLARATION = /^\s{0,4}(?:export\s|(?:async\s+)?function[\s*]|(?:abstract\s+)?class\s|interface\s|type\s+\w+\s*=|enum\s|(?:pub(?:\(crate\))?\s+)?(?:fn|struct|trait|impl|mod)\s|def\s|func\s|(?:public|private|protected)\s+(?:static\s+)?[\w<>[\],\s]+\(|module\.exports)/;
const OMISSION = /^… \[\d+ (?:lines|characters) omitted\] …$/;

/** True when the path looks like source code. */
export function isCodePath(path: string): boolean {
  return CODE_FILE.test(path);
}

/**
 * The declaration lines of a code text (omission markers kept, so the reader knows there is more);
 * undefined when too little of it is declarations for an outline to help.
 */
export function outlineCode(text: string): string | undefined {
  const lines = text.split('\n');
  const kept = lines.filter((line) => DECLARATION.test(line) || OMISSION.test(line.trim()));
  const declarations = kept.filter((line) => !OMISSION.test(line.trim())).length;
  if (declarations < 2 || kept.length > lines.length * 0.6) return undefined;
  return kept.map((line) => line.replace(/\s*\{\s*$/, '')).join('\n');
}
