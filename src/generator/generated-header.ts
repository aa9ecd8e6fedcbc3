import { createHash } from 'node:crypto';

/**
 * Every file `ctxkit generate` writes carries one header line (after the frontmatter, which Claude
 * Code requires first): the template it came from and a hash of the rest of the file. Only files with
 * this header are ever removed or rewritten by the generator, and lint can tell a hand-edited one.
 */
export const HEADER_PREFIX = '<!-- ctxkit:generated';

export interface GeneratedHeader {
  from: string;
  hash: string;
}

const HEADER = /^<!-- ctxkit:generated from=(\S+) hash=([0-9a-f]{12}) .*-->$/m;

/** Hash of a generated file's content without its header line. */
export function hashGeneratedContent(contentWithoutHeader: string): string {
  return createHash('sha256').update(contentWithoutHeader).digest('hex').slice(0, 12);
}

export function formatGeneratedHeader(from: string, contentWithoutHeader: string): string {
  return `${HEADER_PREFIX} from=${from} hash=${hashGeneratedContent(contentWithoutHeader)} (edit the template, then run ctxkit generate) -->`;
}

export function parseGeneratedHeader(text: string): GeneratedHeader | undefined {
  const match = HEADER.exec(text);
  return match ? { from: match[1], hash: match[2] } : undefined;
}

/** Removes the header line, giving back the content its hash was computed over. */
export function stripGeneratedHeader(text: string): string {
  return text.replace(/^<!-- ctxkit:generated .*-->\r?\n/m, '');
}

/** True when a file carries the header but its content no longer matches the hash (edited by hand). */
export function isHandEdited(text: string): boolean {
  const header = parseGeneratedHeader(text);
  return header !== undefined && hashGeneratedContent(stripGeneratedHeader(text)) !== header.hash;
}
