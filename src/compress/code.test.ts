import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { reduceCode } from './code.js';

describe('reduceCode', () => {
  it.each([
    {
      language: 'typescript',
      input: [
        "import { a } from './a.js';",
        '',
        '// internal note',
        '/** Adds numbers. */',
        'export function add(x: number, y: number): number {',
        '  const sum = x + y;',
        '  return sum;',
        '}',
        '',
        'export class Store {',
        '  private items = new Map<string, number>();',
        '  get(key: string): number | undefined {',
        '    return this.items.get(key) ?? undefined;',
        '  }',
        '}',
      ].join('\n'),
      expected: [
        "import { a } from './a.js';",
        '',
        '/** Adds numbers. */',
        'export function add(x: number, y: number): number { … }',
        '',
        'export class Store {',
        '  private items = new Map<string, number>();',
        '  get(key: string): number | undefined { … }',
        '}',
      ].join('\n'),
    },
    {
      language: 'python',
      input: ['import os', '', 'class Repo(Base):', '    """A repo."""', '    def load(self, path: str) -> bytes:', '        # read it', '        data = open(path).read()', '        return data'].join('\n'),
      expected: ['import os', '', 'class Repo(Base):', '    """A repo."""', '    def load(self, path: str) -> bytes: …'].join('\n'),
    },
    {
      language: 'go',
      input: ['package store', '', '// Open opens a store.', 'func Open(path string) (*Store, error) {', '\ts := &Store{}', '\treturn s, nil', '}'].join('\n'),
      expected: ['package store', '', '// Open opens a store.', 'func Open(path string) (*Store, error) { … }'].join('\n'),
    },
    {
      language: 'rust',
      input: ['pub struct Pool { size: usize }', 'impl Pool {', '    pub fn new(size: usize) -> Self {', '        let p = Pool { size };', '        p', '    }', '}'].join('\n'),
      expected: ['pub struct Pool { size: usize }', 'impl Pool {', '    pub fn new(size: usize) -> Self { … }', '}'].join('\n'),
    },
    {
      language: 'java',
      input: ['public class Cache {', '  private int hits;', '  public int lookup(String key) {', '    hits++;', '    return key.length();', '  }', '}'].join('\n'),
      expected: ['public class Cache {', '  private int hits;', '  public int lookup(String key) { … }', '}'].join('\n'),
    },
  ])('$language: keeps signatures and drops bodies', async ({ language, input, expected }) => {
    const result = await reduceCode(input, { language });
    expect(result.kind).toBe('code');
    expect(result.text).toBe(expected);
  });

  it('shortens a long data literal to its first elements', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => `  key${i}: 'value number ${i}',`).join('\n');
    const result = await reduceCode(`export const table = {\n${entries}\n};\n`, { path: 'table.ts' });
    expect(result.text).toBe("export const table = {\n  key0: 'value number 0',\n  key1: 'value number 1',\n  key2: 'value number 2',\n  … 37 more\n};");
  });

  it('keeps exported names first under a tight budget', async () => {
    const fns = Array.from({ length: 30 }, (_, i) => `export function handler${i}(request: Request, options: Options): Response {\n  return respond(request, ${i});\n}\n\nfunction helper${i}() {\n  return ${i};\n}\n`).join('\n');
    const budgetTokens = Math.ceil(estimateTokens(fns) * 0.25);
    const result = await reduceCode(fns, { path: 'h.ts', budgetTokens });
    expect(result.tokensAfter).toBeLessThanOrEqual(budgetTokens);
    for (let i = 0; i < 30; i++) expect(result.text).toContain(`handler${i}`);
  });

  it('falls back to the text reducer for languages without a grammar', async () => {
    const result = await reduceCode('int main() { return 0; }', { path: 'main.c' });
    expect(result.kind).toBe('text');
  });
});

