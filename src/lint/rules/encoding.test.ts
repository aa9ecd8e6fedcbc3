import { describe, expect, it } from 'vitest';
import { createDocument } from '../create-document.js';
import { decodeText } from '../decode-text.js';
import { lintDocument } from '../lint-document.js';
import rule from './encoding.js';

const budget = { maxLines: 140, maxTokens: 5000, lineLength: 400 };
const lint = (bytes: Buffer) => {
  const decoded = decodeText(bytes);
  const doc = createDocument({ path: 'CLAUDE.md', text: decoded.text, invalidUtf8Lines: decoded.invalidLines });
  return lintDocument(doc, { rules: [rule], budget, exists: () => false }).map((f) => `${f.line}:${f.column} ${f.message}`);
};

describe('encoding', () => {
  it('accepts UTF-8, including a byte-order mark and a literal U+FFFD', () => {
    expect(lint(Buffer.from('\ufeffcaf\u00e9 \ufffd\n', 'utf8'))).toEqual([]);
  });

  it('reports the lines holding invalid bytes', () => {
    const bytes = Buffer.concat([Buffer.from('ok\ncaf'), Buffer.from([0xe9]), Buffer.from('\nok\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    expect(lint(bytes)).toEqual([
      '2:1 Unexpected bytes that are not UTF-8 on 2 lines: 2, 4, expected UTF-8 text (they read as U+FFFD).',
    ]);
  });
});
