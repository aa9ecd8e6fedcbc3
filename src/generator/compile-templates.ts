import { parseFrontmatter } from '../claude/frontmatter.js';
import { findShellCommands } from '../claude/shell-commands.js';
import type { CompileInput, CompileResult, CompiledOutput, Diagnostic, OutputKind, SourceLine, TemplateFile } from './compile-types.js';
import { expandTemplateLines, expandVariables, splitLines, type ExpandContext } from './expand-template.js';
import { findSecondArgumentMisuse } from './find-second-argument.js';
import { formatGeneratedHeader } from './generated-header.js';
import { messages } from './messages.js';
import { parseSections } from './parse-sections.js';
import { prepareFrontmatter } from './prepare-frontmatter.js';
import { resolveBudget } from './resolve-budget.js';
import { splitProgressive } from './split-progressive.js';

export type TemplateKind = 'command' | 'agent' | 'partial';

/**
 * What a file in the templates folder is, by its path: `commands/**.md` compile to commands,
 * `agents/**.md` to subagents, `partials/**` are include-only; anything else is not a template.
 */
export function classifyTemplate(path: string): TemplateKind | undefined {
  if (path.startsWith('partials/')) return 'partial';
  if (!path.endsWith('.md')) return undefined;
  if (path.startsWith('commands/')) return 'command';
  if (path.startsWith('agents/')) return 'agent';
  return undefined;
}

function normalizeText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function trimDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
}

function join(dir: string, path: string): string {
  return dir === '.' ? path : `${dir}/${path}`;
}

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One output file's text: frontmatter first, then the generated-file header, then the body. */
export function assembleOutput(frontmatter: readonly string[], from: string, body: readonly string[]): { content: string; lines: number } {
  const frontmatterText = frontmatter.length > 0 ? `${frontmatter.join('\n')}\n` : '';
  const bodyText = body.length > 0 ? `${body.join('\n')}\n` : '';
  const header = formatGeneratedHeader(from, frontmatterText + bodyText);
  return { content: `${frontmatterText}${header}\n${bodyText}`, lines: frontmatter.length + 1 + body.length };
}

/**
 * The generator's pure core: compiles command and agent templates into output files within their line
 * budgets. No file system: the caller reads the folders and writes the result. Outputs are sorted and
 * byte-for-byte deterministic; a template with an error contributes diagnostics and no outputs.
 */
export function compileTemplates(input: CompileInput): CompileResult {
  const templatesDir = trimDir(input.templatesDir ?? 'templates');
  const outDir = trimDir(input.outDir ?? '.claude');
  const context: ExpandContext = {
    partials: new Map(input.partials.map((partial) => [partial.path, { path: partial.path, content: normalizeText(partial.content) }])),
    variables: input.variables,
    templatesDir,
  };
  const diagnostics: Diagnostic[] = [];
  const outputs: CompiledOutput[] = [];
  for (const template of [...input.templates].sort(byPath)) {
    const kind = classifyTemplate(template.path);
    // The header's `from=` is one space-free token.
    const file = join(templatesDir, template.path).replace(/\s/g, '%20');
    if (kind !== 'command' && kind !== 'agent') {
      diagnostics.push({ file, line: 1, severity: 'warning', message: messages.ignoredTemplate(file) });
      continue;
    }
    const result = compileTemplate(template, kind, file, outDir, input, context);
    diagnostics.push(...result.diagnostics);
    if (!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) outputs.push(...result.outputs);
  }
  const owners = new Map<string, string>();
  for (const output of outputs) {
    const other = owners.get(output.path);
    if (other !== undefined && other !== output.from) {
      diagnostics.push({ file: output.from, line: 1, severity: 'error', message: messages.outputCollision(join(outDir, output.path), other) });
    }
    owners.set(output.path, output.from);
  }
  diagnostics.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
  return { outputs: outputs.sort(byPath), diagnostics };
}

function compileTemplate(
  template: TemplateFile,
  kind: 'command' | 'agent',
  file: string,
  outDir: string,
  input: CompileInput,
  context: ExpandContext,
): { outputs: CompiledOutput[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const content = normalizeText(template.content);
  const parsed = parseFrontmatter(content);

  // Variables work in frontmatter too (a description can name the project); includes do not.
  const rawLines: SourceLine[] = parsed.present
    ? splitLines(`${parsed.raw}\n`).map((text, index) => {
        const at = { file, line: 2 + index };
        return { ...at, text: expandVariables(text, input.variables, at, diagnostics) };
      })
    : [];
  const expandedRaw = rawLines.map((line) => line.text).join('\n');
  const frontmatter = parsed.present && expandedRaw !== parsed.raw ? parseFrontmatter(`---\n${expandedRaw}\n---\n`) : parsed;

  const bodyLines = splitLines(parsed.body).map((text, index) => ({ text, file, line: parsed.bodyStartLine + index }));
  const lines = expandTemplateLines(bodyLines, context, diagnostics);
  const texts = lines.map((line) => line.text);

  const shell = kind === 'command' ? findShellCommands(texts.join('\n')) : [];
  if (kind === 'command') {
    const misuse = findSecondArgumentMisuse(lines);
    if (misuse && frontmatter.data.arguments === undefined) {
      diagnostics.push({ file: misuse.file, line: misuse.line, severity: 'warning', message: messages.secondArgument() });
    }
  }

  const prepared = prepareFrontmatter({
    kind,
    present: parsed.present,
    rawLines,
    data: frontmatter.data,
    ...(frontmatter.error ? { error: frontmatter.error } : {}),
    file,
    shellCommands: shell.map((found) => ({ command: found.command, file: lines[found.line].file, line: lines[found.line].line })),
  });
  diagnostics.push(...prepared.diagnostics);

  const outputKind: OutputKind = kind;
  const mainPath = template.path;
  const stem = template.path.replace(/\.md$/, '');
  const contextDir = kind === 'command' ? `context/${stem.slice('commands/'.length)}` : `context/${stem}`;
  const split = splitProgressive({
    lines,
    sections: parseSections(texts),
    shellLines: new Set(shell.map((found) => found.line)),
    mainPath,
    mainBudget: resolveBudget(outputKind, mainPath, outDir, input.budgets),
    mainOverhead: prepared.lines.length + 1,
    contextDir,
    outDir,
    contextBudget: (path) => resolveBudget('context', path, outDir, input.budgets),
    mainAt: { file, line: 1 },
  });
  diagnostics.push(...split.diagnostics);

  const main = assembleOutput(prepared.lines, file, split.main);
  const outputs: CompiledOutput[] = [
    { path: mainPath, kind: outputKind, ...main, budget: resolveBudget(outputKind, mainPath, outDir, input.budgets), from: file },
    ...split.contexts.map((context) => ({ path: context.path, kind: 'context' as const, ...assembleOutput([], file, context.lines), budget: context.budget, from: file })),
  ];
  return { outputs, diagnostics };
}
