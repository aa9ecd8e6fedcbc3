import { describe, expect, it } from 'vitest';
import { isCodePath, outlineCode } from './outline-code.js';

describe('outlineCode', () => {
  it('keeps declarations and omission markers, drops bodies and comments', () => {
    const text = [
      '// header',
      "import { x } from './x.js';",
      'export function openDatabase(file: string) {',
      '  const db = connect(file);',
      '  return db;',
      '}',
      '/** doc */',
      'export class Store {',
      '  run() {',
      '    return 1;',
      '  }',
      '}',
      '… [40 lines omitted] …',
      'export type Row = { id: number };',
      'function helper() {',
      '  return 2;',
      '}',
    ].join('\n');
    expect(outlineCode(text)).toBe(['export function openDatabase(file: string)', 'export class Store', '… [40 lines omitted] …', 'export type Row = { id: number };', 'function helper()'].join('\n'));
  });

  it('gives up when an outline would not be shorter or says too little', () => {
    expect(outlineCode('export const a = 1;\nexport const b = 2;\n')).toBeUndefined();
    expect(outlineCode('just text\nmore text\n')).toBeUndefined();
  });

  it.each([
    ['src/a.ts', true],
    ['lib/b.py', true],
    ['README.md', false],
    ['data.json', false],
  ])('isCodePath(%s) = %s', (path, expected) => {
    expect(isCodePath(path)).toBe(expected);
  });
});
