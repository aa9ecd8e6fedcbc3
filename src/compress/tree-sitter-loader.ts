import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Language, Parser } from 'web-tree-sitter';

// One runtime and one Language per grammar per process: start-up costs ~60 ms plus ~35 ms a grammar.
let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
let parser: Parser | undefined;
const languages = new Map<string, Promise<Language>>();

function grammarPath(grammar: string): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@vscode/tree-sitter-wasm/package.json');
  return join(dirname(packageJson), 'wasm', `tree-sitter-${grammar}.wasm`);
}

async function loadRuntime(): Promise<typeof import('web-tree-sitter')> {
  const module = await import('web-tree-sitter');
  await module.Parser.init();
  return module;
}

/**
 * A parser set to the grammar, loading web-tree-sitter and the grammar's WASM on first use and
 * caching both for the life of the process. Calls are synchronous after the await, so the single
 * shared Parser is never used by two parses at once.
 */
export async function parserFor(grammar: string): Promise<Parser> {
  runtime ??= loadRuntime();
  const module = await runtime;
  let language = languages.get(grammar);
  if (!language) {
    language = module.Language.load(grammarPath(grammar));
    languages.set(grammar, language);
    // A failed load must not poison the cache for the next call.
    language.catch(() => languages.delete(grammar));
  }
  const loaded = await language;
  parser ??= new module.Parser();
  parser.setLanguage(loaded);
  return parser;
}
