import type { Node } from 'web-tree-sitter';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { codeLanguage, languageForPath, type CodeLanguage } from './code-languages.js';
import { fitUnits, type Unit } from './fit-units.js';
import { moreMarker } from './markers.js';
import { reduceText } from './text.js';
import { parserFor } from './tree-sitter-loader.js';
import type { ReduceOptions, ReduceResult } from './types.js';

/** Bodies this short stay: `{ … }` would save nothing. */
const SHORT_BODY_CHARS = 60;
/** Literals longer than this keep their first elements and a `… N more` note. */
const LONG_LITERAL_CHARS = 300;
const LITERAL_KEEP = 3;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function indentOf(source: string, index: number): string {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
}

function literalEdit(source: string, node: Node): Edit | undefined {
  const elements = node.namedChildren.filter((child): child is Node => child !== null && !child.type.includes('comment'));
  if (elements.length <= LITERAL_KEEP) return undefined;
  const last = elements[LITERAL_KEEP - 1];
  const closing = source.slice(node.endIndex - 1, node.endIndex);
  const rest = moreMarker(elements.length - LITERAL_KEEP);
  const multiline = source.slice(node.startIndex, node.endIndex).includes('\n');
  const text = multiline
    ? `,\n${indentOf(source, elements[0].startIndex)}${rest}\n${indentOf(source, node.endIndex - 1)}${closing}`
    : `, ${rest}${closing}`;
  return { start: last.endIndex, end: node.endIndex, text };
}

function collectEdits(source: string, root: Node, language: CodeLanguage): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: Node): void => {
    if (language.comments.has(node.type)) {
      const text = source.slice(node.startIndex, node.endIndex);
      if (!language.isDocComment(text)) edits.push({ start: node.startIndex, end: node.endIndex, text: '' });
      return;
    }
    if (language.bodyOwners.has(node.type)) {
      const body = node.childForFieldName('body');
      if (body) {
        const text = source.slice(body.startIndex, body.endIndex);
        const long = text.length > SHORT_BODY_CHARS || text.includes('\n');
        if (long && (language.blockTypes.has(body.type) || text.split('\n').length > 3)) {
          const isBlock = language.blockTypes.has(body.type);
          // Without braces (Python) the body starts on the next line: elide from the `:` on.
          let colon: Node | null = body.previousSibling;
          while (colon && language.comments.has(colon.type)) colon = colon.previousSibling;
          const braceless = isBlock && language.elided === '…' && colon;
          edits.push(
            braceless && colon
              ? { start: colon.endIndex, end: body.endIndex, text: ' …' }
              : { start: body.startIndex, end: body.endIndex, text: isBlock ? language.elided : '…' },
          );
          for (const child of node.children) if (child && child !== body && child.id !== body.id) visit(child);
          return;
        }
      }
    }
    if (language.dataLiterals.has(node.type) && node.endIndex - node.startIndex > LONG_LITERAL_CHARS) {
      const edit = literalEdit(source, node);
      if (edit) {
        edits.push(edit);
        // Elements before the cut may hold their own long literals or functions.
        for (const child of node.namedChildren) if (child && child.endIndex <= edit.start) visit(child);
        return;
      }
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return edits.sort((a, b) => a.start - b.start);
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = '';
  let position = 0;
  for (const edit of edits) {
    if (edit.start < position) continue;
    out += source.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  out += source.slice(position);
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const DECLARATION =
  /^(?:export\s|pub(?:\([^)]*\))?\s|public\s|module\.exports|(?:async\s+)?(?:function|class|interface|type|enum|struct|trait|impl|def|fn|func|const|let|var|abstract|sealed|record|package|namespace|declare)\b)/;

function linePriority(line: string): number {
  const trimmed = line.trim();
  if (trimmed === '') return 0;
  const depth = Math.min(4, Math.floor((line.length - line.trimStart().length) / 2));
  if (/^(?:import|from\s+\S+\s+import|use\s|using\s|#include|require\()/.test(trimmed)) return 35;
  if (/^(?:\/\*\*|\*|\/\/\/|\/\/!|#|\/\/)/.test(trimmed)) return 15 - depth;
  if (/^[)}\]]+[;,)]*$/.test(trimmed)) return 40 - depth * 5;
  if (depth === 0 && /^(?:export|pub|public)\b/.test(trimmed)) return 85;
  if (depth === 0 && DECLARATION.test(trimmed)) return 80;
  if (/^(?:private\s|#|_)/.test(trimmed)) return 30 - depth;
  if (/[A-Za-z_$][\w$]*\s*[(<:=]/.test(trimmed)) return 60 - depth * 5;
  return 25 - depth * 3;
}

/** `export function parse(spec: Spec): Result { … }` → `export function parse …`, for tight budgets. */
function shortSignature(line: string): string | undefined {
  const match = /^(\s*(?:[\w$@]+\s+)*?[\w$]+)\s*[(<:={]/.exec(line);
  if (!match || match[1].length >= line.trimEnd().length - 4) return undefined;
  return `${match[1]} …`;
}

/**
 * Code reducer: a tree-sitter skeleton that keeps imports, exports, types, classes and
 * signatures and replaces function bodies with `{ … }`, drops non-doc comments and shortens long
 * data literals to their first elements. Under a budget it then keeps declarations before members,
 * imports and docs. Async because web-tree-sitter starts a WASM runtime; languages without a
 * grammar (and unparsable input) go to the text reducer.
 */
export async function reduceCode(text: string, options: ReduceOptions = {}): Promise<ReduceResult> {
  const name = options.language ?? (options.path ? languageForPath(options.path) : undefined);
  const language = name === undefined ? undefined : codeLanguage(name);
  if (!language) return reduceText(text, options);
  const tokensBefore = estimateTokens(text);
  const parser = await parserFor(language.grammar);
  const tree = parser.parse(text);
  if (!tree) return reduceText(text, options);
  let skeleton: string;
  try {
    skeleton = applyEdits(text, collectEdits(text, tree.rootNode, language));
  } finally {
    tree.delete();
  }
  const units: Unit[] = skeleton.split('\n').map((line) => {
    const priority = linePriority(line);
    const short = priority >= 60 ? shortSignature(line) : undefined;
    return { text: line, priority, ...(short ? { short } : {}) };
  });
  // Code needs no count in its gap marker; the cheaper marker leaves room for one more signature.
  const fitted = fitUnits(units, options.budgetTokens, { gapMarker: () => '…' });
  const omitted = ['function bodies', 'comments', 'long literals'];
  if (fitted.droppedLines > 0) omitted.push(`${fitted.droppedLines} skeleton lines for the budget`);
  return { text: fitted.text, kind: 'code', tokensBefore, tokensAfter: estimateTokens(fitted.text), omitted: omitted.join(', ') };
}
