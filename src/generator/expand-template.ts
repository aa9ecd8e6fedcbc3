import { parseFrontmatter } from '../claude/frontmatter.js';
import type { Diagnostic, SourceLine, TemplateFile } from './compile-types.js';
import { messages } from './messages.js';

/** What includes and variables resolve against. Partials are keyed by their path in the templates folder. */
export interface ExpandContext {
  partials: ReadonlyMap<string, TemplateFile>;
  variables: Readonly<Record<string, string>>;
  /** Prefix that turns a templates-relative path into the root-relative one shown in diagnostics. */
  templatesDir: string;
}

const INCLUDE_LINE = /^([ \t]*)\{\{>\s*([^{}\s]+)\s*\}\}[ \t]*$/;
// `\{{` is the escape for literal braces; anything else between `{{` and `}}` is a variable reference.
const PLACEHOLDER = /\\\{\{|\{\{([^{}]*)\}\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Splits text into lines, without the empty line a trailing newline would leave. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Replaces `{{name}}` with its value and `\{{` with `{{` on one line. Undefined or malformed names are
 * reported at `at` and left as written, so one mistake does not hide the next.
 */
export function expandVariables(
  text: string,
  variables: Readonly<Record<string, string>>,
  at: { file: string; line: number },
  diagnostics: Diagnostic[],
): string {
  return text.replace(PLACEHOLDER, (match, inner: string | undefined) => {
    if (inner === undefined) return '{{';
    const name = inner.trim();
    if (name.startsWith('>')) {
      diagnostics.push({ ...at, severity: 'error', message: messages.inlineInclude(name.slice(1).trim()) });
      return match;
    }
    if (!VARIABLE_NAME.test(name)) {
      diagnostics.push({ ...at, severity: 'error', message: messages.invalidVariableName(inner) });
      return match;
    }
    if (!Object.hasOwn(variables, name)) {
      diagnostics.push({ ...at, severity: 'error', message: messages.undefinedVariable(name) });
      return match;
    }
    return variables[name];
  });
}

/** The partial paths an include name may refer to, most specific first. */
export function partialCandidates(name: string): string[] {
  const clean = name.replace(/^\.\//, '');
  const base = clean.startsWith('partials/') ? clean : `partials/${clean}`;
  return base.endsWith('.md') ? [base] : [`${base}.md`, base];
}

/**
 * Expands include lines (`{{> name}}` on a line of its own) and variables in template body lines,
 * keeping for every produced line the file and line it came from. Cycles and missing partials are
 * reported at the include line.
 */
export function expandTemplateLines(
  lines: readonly SourceLine[],
  context: ExpandContext,
  diagnostics: Diagnostic[],
  stack: readonly string[] = [],
): SourceLine[] {
  const out: SourceLine[] = [];
  for (const source of lines) {
    const at = { file: source.file, line: source.line };
    const include = INCLUDE_LINE.exec(source.text);
    if (!include) {
      const expanded = expandVariables(source.text, context.variables, at, diagnostics);
      for (const text of expanded.split('\n')) out.push({ ...at, text });
      continue;
    }
    const [, indent, name] = include;
    const candidates = partialCandidates(name);
    const key = candidates.find((candidate) => context.partials.has(candidate));
    if (key === undefined) {
      diagnostics.push({ ...at, severity: 'error', message: messages.missingPartial(name, candidates.map((c) => `${context.templatesDir}/${c}`)) });
      continue;
    }
    const display = `${context.templatesDir}/${key}`;
    if (stack.includes(display)) {
      const chain = [...stack.slice(stack.indexOf(display)), display];
      diagnostics.push({ ...at, severity: 'error', message: messages.includeCycle(chain) });
      continue;
    }
    const partial = context.partials.get(key) as TemplateFile;
    // A partial may carry frontmatter for its own notes; only its body is included.
    const parsed = parseFrontmatter(partial.content);
    const partialLines = splitLines(parsed.body).map((text, index) => ({
      text: text === '' ? '' : indent + text,
      file: display,
      line: parsed.bodyStartLine + index,
    }));
    const chainStart = stack.length === 0 ? [source.file] : stack;
    out.push(...expandTemplateLines(partialLines, context, diagnostics, [...chainStart, display]));
  }
  return out;
}
