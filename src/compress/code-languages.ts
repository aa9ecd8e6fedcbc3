/**
 * What the code skeleton needs to know per language: the grammar file in @vscode/tree-sitter-wasm,
 * the nodes whose `body` is dropped, data literals that get shortened, and comment nodes.
 */
export interface CodeLanguage {
  grammar: string;
  /** Nodes whose `body` field becomes `{ … }` (or `…` where blocks have no braces). */
  bodyOwners: ReadonlySet<string>;
  /** Body node types that are blocks (an arrow's expression body is kept unless it is long). */
  blockTypes: ReadonlySet<string>;
  dataLiterals: ReadonlySet<string>;
  comments: ReadonlySet<string>;
  /** How a dropped body reads: `{ … }` for brace languages, `…` for Python. */
  elided: string;
  /** A comment kept as documentation. */
  isDocComment(text: string): boolean;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const braceDoc = (text: string): boolean => text.startsWith('/**') || text.startsWith('///') || text.startsWith('//!');

const ecmascript = (grammar: string): CodeLanguage => ({
  grammar,
  bodyOwners: set(
    'function_declaration',
    'generator_function_declaration',
    'function_expression',
    'function',
    'generator_function',
    'arrow_function',
    'method_definition',
  ),
  blockTypes: set('statement_block'),
  dataLiterals: set('object', 'array'),
  comments: set('comment'),
  elided: '{ … }',
  isDocComment: braceDoc,
});

const LANGUAGES: Record<string, CodeLanguage> = {
  typescript: ecmascript('typescript'),
  tsx: ecmascript('tsx'),
  javascript: ecmascript('javascript'),
  python: {
    grammar: 'python',
    bodyOwners: set('function_definition'),
    blockTypes: set('block'),
    dataLiterals: set('dictionary', 'list', 'set', 'tuple'),
    comments: set('comment'),
    elided: '…',
    isDocComment: () => false,
  },
  go: {
    grammar: 'go',
    bodyOwners: set('function_declaration', 'method_declaration', 'func_literal'),
    blockTypes: set('block'),
    dataLiterals: set('literal_value'),
    comments: set('comment'),
    elided: '{ … }',
    // Go documents a declaration with the `//` comment right above it.
    isDocComment: (text) => text.startsWith('//'),
  },
  rust: {
    grammar: 'rust',
    bodyOwners: set('function_item', 'closure_expression'),
    blockTypes: set('block'),
    dataLiterals: set('array_expression', 'field_initializer_list'),
    comments: set('line_comment', 'block_comment'),
    elided: '{ … }',
    isDocComment: braceDoc,
  },
  java: {
    grammar: 'java',
    bodyOwners: set('method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'lambda_expression'),
    blockTypes: set('block', 'constructor_body'),
    dataLiterals: set('array_initializer'),
    comments: set('line_comment', 'block_comment'),
    elided: '{ … }',
    isDocComment: braceDoc,
  },
};

const EXTENSIONS: Record<string, string> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  py: 'python',
  pyi: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
};

const ALIASES: Record<string, string> = { ts: 'typescript', js: 'javascript', py: 'python', rs: 'rust', golang: 'go' };

/** The language name for a path's extension, or undefined when no grammar covers it. */
export function languageForPath(path: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

/** The language description for a name (`typescript`, `py`, ...), or undefined. */
export function codeLanguage(name: string): CodeLanguage | undefined {
  const key = name.toLowerCase();
  return LANGUAGES[ALIASES[key] ?? key];
}

/** Names of the languages the skeleton reducer supports. */
export const CODE_LANGUAGES = Object.keys(LANGUAGES);
