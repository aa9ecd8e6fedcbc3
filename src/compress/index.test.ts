import { describe, expect, it } from 'vitest';
import { compress, compressSync } from './index.js';

describe('compress / compressSync', () => {
  it('detects the kind from hints and reduces with that reducer', () => {
    const paths = ['a/x.ts', 'a/y.ts', 'a/z.ts', 'b/w.ts'].map((path) => `/home/dev/project/src/${path}`);
    const result = compressSync(paths.join('\n'), { hints: { toolName: 'Glob' } });
    expect(result.kind).toBe('glob');
    expect(result.text).toBe('/home/dev/project/src/ (4 files in 2 folders)\na/ (3): x.ts, y.ts, z.ts\nb/w.ts');
  });

  it('honours an explicit kind', () => {
    expect(compressSync('{"a":null,"b":1}', { kind: 'json' }).text).toBe('{"b":1}');
  });

  it('compressSync reduces code with the text reducer, compress with the skeleton', async () => {
    const code = 'export function f(a: number): number {\n  const b = a * 2;\n  return b;\n}\n';
    expect(compressSync(code, { path: 'f.ts' }).kind).toBe('text');
    const skeleton = await compress(code, { path: 'f.ts' });
    expect(skeleton.kind).toBe('code');
    expect(skeleton.text).toBe('export function f(a: number): number { … }');
  });

  it('returns empty text for empty input', async () => {
    expect((await compress('', { kind: 'log' })).text).toBe('');
  });

  it('keeps the hook-path registry free of heavy imports', async () => {
    const { readFile } = await import('node:fs/promises');
    const sources = await Promise.all(
      ['index.ts', 'detect-kind.ts', 'log.ts', 'json.ts', 'markdown.ts', 'glob.ts', 'grep.ts', 'report.ts', 'text.ts'].map((file) =>
        readFile(new URL(file, import.meta.url), 'utf8'),
      ),
    );
    for (const source of sources) {
      expect(source).not.toMatch(/from '(?:unified|remark-parse|gray-matter|chokidar|@anthropic-ai\/sdk|web-tree-sitter)'/);
      expect(source).not.toMatch(/from '\.\/code\.js'/);
    }
  });
});
