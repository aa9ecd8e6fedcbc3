import type { ParsedFrontmatter } from '../claude/frontmatter.js';

/** What a linted file is, from where it sits: budgets and frontmatter rules differ per kind. */
export type FileKind = 'command' | 'agent' | 'context' | 'claude-md' | 'other';

/** A finding's severity; `off` in the config turns a rule off instead. */
export type RuleSeverity = 'error' | 'warn';

/**
 * One file, parsed once and shared by every rule. Lines are scanned, not parsed into a tree: every
 * rule here needs only lines, frontmatter and which lines are code.
 */
export interface LintDocument {
  /** Root-relative, forward slashes (`.claude/commands/deploy.md`). */
  path: string;
  kind: FileKind;
  text: string;
  /** The file's lines without line terminators. A final newline does not start another line. */
  lines: string[];
  frontmatter: ParsedFrontmatter;
  /** 0-based index of the first body line (0 without frontmatter). */
  bodyStart: number;
  /**
   * Each line as prose: frontmatter and fenced code lines are empty, inline code spans are blanked
   * with spaces (so columns still match). Rules that look for references in text read this.
   */
  prose: string[];
  /** True for lines inside a fenced code block, fences included. */
  inFence: boolean[];
  /** Set when the file could not be read at all; then only rules that handle it run. */
  unreadable?: string;
  /** 1-based lines holding bytes that are not valid UTF-8 (decoded with U+FFFD). */
  invalidUtf8Lines?: number[];
}

/** Budgets that apply to one file after `budgets.overrides`. */
export interface FileBudget {
  /** Most lines for this file's kind, or undefined when no budget applies (kind `other` without override). */
  maxLines?: number;
  maxTokens: number;
  lineLength: number;
}

/** What a rule reports: a 1-based line and column in the file and a message. */
export interface RuleReport {
  line: number;
  column?: number;
  message: string;
}

/** What a rule gets besides the document. Everything here is data or a pure lookup: rules do no I/O. */
export interface LintContext {
  budget: FileBudget;
  /** True when a root-relative path (file or folder) exists in what is being linted (disk or the git index). */
  exists: (path: string) => boolean;
  /**
   * What `ctxkit generate --check` says about a root-relative path (`stale`, `not-generated`, ...), when
   * the run compared the outputs with the templates; undefined otherwise.
   */
  generatedStatus?: (path: string) => string | undefined;
  report: (report: RuleReport) => void;
}

export interface LintRule {
  /** Stable kebab-case id: the rule's file name, docs page and config key. */
  id: string;
  description: string;
  tags: readonly string[];
  defaultSeverity: RuleSeverity;
  /** Root-relative path of the rule's docs page. */
  docs: string;
  /** True for the rules that report on files that could not be read; every other rule skips those. */
  handlesUnreadable?: boolean;
  check: (doc: LintDocument, context: LintContext) => void;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: RuleSeverity;
  message: string;
}

/** Everything a reporter needs. */
export interface LintReport {
  /** Every file checked, in path order, with its findings (possibly none) sorted by position. */
  files: { path: string; findings: Finding[] }[];
  /** Rules that ran, for reporters that describe them (SARIF). */
  rules: { id: string; description: string; tags: readonly string[]; severity: RuleSeverity; docs: string }[];
  errorCount: number;
  warningCount: number;
  /** `lint.maxWarnings` or `--max-warnings`, when set. */
  maxWarnings?: number;
  /** Things the run could not check, for people (the CLI prints them on stderr). */
  notices?: string[];
}
