/**
 * The data the generator's pure core takes and returns. Paths are forward-slash; template paths are
 * relative to the templates folder (`commands/deploy.md`), output paths relative to the out folder
 * (`commands/deploy.md`, `context/deploy/rollback.md`).
 */

/** One file read from the templates folder. */
export interface TemplateFile {
  path: string;
  content: string;
}

/** A per-glob line budget; the last matching entry wins. */
export interface BudgetOverride {
  glob: string;
  maxLines?: number;
}

export interface GeneratorBudgets {
  commandLines: number;
  contextLines: number;
  agentLines: number;
  overrides: BudgetOverride[];
}

export interface CompileInput {
  /** Command and agent templates: `commands/**.md`, `agents/*.md`. */
  templates: TemplateFile[];
  /** Include-only files, `partials/**`. */
  partials: TemplateFile[];
  variables: Record<string, string>;
  budgets: GeneratorBudgets;
  /** The templates folder as the user names it (root-relative), for diagnostics and headers. Default `templates`. */
  templatesDir?: string;
  /** The out folder as the model will open it (root-relative), for pointer lines. Default `.claude`. */
  outDir?: string;
}

export type OutputKind = 'command' | 'agent' | 'context';

export interface CompiledOutput {
  /** Relative to the out folder. */
  path: string;
  content: string;
  kind: OutputKind;
  /** Lines in `content` (the whole file, header and frontmatter included). */
  lines: number;
  /** The line budget this file was fitted to. */
  budget: number;
  /** The template it came from, as written in the header (`templates/commands/deploy.md`). */
  from: string;
}

export type Severity = 'error' | 'warning';

/** A problem found in a template; `file` is root-relative and `line` 1-based in that file. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

export interface CompileResult {
  outputs: CompiledOutput[];
  diagnostics: Diagnostic[];
}

/** One line of expanded template text and where it came from (a template or a partial). */
export interface SourceLine {
  text: string;
  file: string;
  line: number;
}
