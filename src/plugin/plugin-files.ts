/**
 * The files that make this repository a Claude Code plugin (claude-code.md §5.4), all derived from sources that
 * already exist: hooks/hooks.json from the hook plan (src/claude/ctxkit-hooks.ts), the manifest from package.json,
 * and the /ctxkit:orchestrate command and coordinator agents from the orchestrator templates. Pure: data in, files out.
 */
import { buildPluginHooksFile } from '../claude/ctxkit-hooks.js';
import { compileTemplates } from '../generator/compile-templates.js';
import type { Diagnostic, TemplateFile } from '../generator/compile-types.js';

/** Where the plugin's command, agents and context files live, relative to the plugin root (the repository). */
export const PLUGIN_CONTENT_DIR = 'plugin';

/** How the plugin's files name ctxkit's CLI: the plugin's own copy, not whatever `npx` finds in the user's project. */
export const PLUGIN_CLI = 'node "${CLAUDE_PLUGIN_ROOT}/bin/ctxkit.js"';
/** Claude Code names a plugin's agents `<plugin>:<agent>`. */
export const PLUGIN_NAMESPACE = 'ctxkit';

export interface PackageInfo {
  name: string;
  version: string;
  description: string;
  license?: string;
  keywords?: string[];
  author?: string | { name: string; email?: string; url?: string };
  homepage?: string;
  repository?: string | { url?: string };
}

export interface PluginFile {
  /** Relative to the plugin root, forward slashes. */
  path: string;
  content: string;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Used when package.json names no author: Claude Code's validator asks for one. */
const DEFAULT_AUTHOR = { name: 'ctxkit contributors' };

function authorOf(pkg: PackageInfo): { name: string; email?: string; url?: string } {
  if (pkg.author === undefined) return DEFAULT_AUTHOR;
  if (typeof pkg.author !== 'string') return pkg.author;
  // npm's "Name <email> (url)" shorthand.
  const match = /^([^<(]+?)\s*(?:<([^>]+)>)?\s*(?:\(([^)]+)\))?$/.exec(pkg.author.trim());
  if (!match) return { name: pkg.author };
  return { name: match[1], ...(match[2] ? { email: match[2] } : {}), ...(match[3] ? { url: match[3] } : {}) };
}

/**
 * `.claude-plugin/plugin.json`. hooks/hooks.json is loaded by default, so `hooks` is not named here (naming it
 * again is a "Duplicate hooks file" load error); `commands` (a folder) and `agents` (files) point at the generated
 * files, replacing the default commands/ and agents/ folders.
 */
export function buildPluginManifest(pkg: PackageInfo, agentFiles: readonly string[]): Record<string, unknown> {
  const author = authorOf(pkg);
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    author,
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    ...(repository ? { repository } : {}),
    ...(pkg.license ? { license: pkg.license } : {}),
    keywords: pkg.keywords ?? ['claude-code', 'hooks', 'context', 'subagents', 'orchestrator'],
    commands: `./${PLUGIN_CONTENT_DIR}/commands/`,
    // Claude Code takes agents only as file paths (a folder is "Invalid input" to `claude plugin validate`).
    agents: agentFiles.map((path) => `./${path}`),
  };
}

/**
 * `.claude-plugin/marketplace.json`: a one-plugin marketplace, so `/plugin marketplace add <this repo>` works.
 * The plugin comes from the npm package, which ships dist/ and gets its dependencies (better-sqlite3) installed;
 * a git checkout of this repository has neither.
 */
export function buildMarketplaceManifest(pkg: PackageInfo): Record<string, unknown> {
  const author = authorOf(pkg);
  return {
    name: pkg.name,
    owner: author,
    metadata: { description: pkg.description, version: pkg.version },
    plugins: [
      {
        name: pkg.name,
        source: { source: 'npm', package: pkg.name, version: pkg.version },
        description: pkg.description,
        version: pkg.version,
        ...(pkg.license ? { license: pkg.license } : {}),
        keywords: pkg.keywords ?? ['claude-code', 'hooks', 'context', 'subagents', 'orchestrator'],
      },
    ],
  };
}

/**
 * Compiles the orchestrator templates for the plugin: `npx --no ctxkit` becomes the plugin's own CLI (in the `!` lines
 * and their allowed-tools rules alike), coordinator names get the plugin's namespace, and context-file pointers name `${CLAUDE_PLUGIN_ROOT}`, which Claude Code
 * substitutes in plugin command bodies (checked on 2.1.197).
 */
export function compilePluginTemplates(templates: readonly TemplateFile[], partials: readonly TemplateFile[]): { files: PluginFile[]; diagnostics: Diagnostic[] } {
  const rewrite = (file: TemplateFile): TemplateFile => ({
    path: file.path,
    // Plugin agents are namespaced: the command must launch `ctxkit:code-coordinator`, not `code-coordinator`.
    content: file.content.replaceAll('npx --no ctxkit ', `${PLUGIN_CLI} `).replace(/`((?:code|docs|config|tests)-coordinator)`/g, `\`${PLUGIN_NAMESPACE}:$1\``),
  });
  const result = compileTemplates({
    templates: templates.map(rewrite),
    partials: partials.map(rewrite),
    variables: {},
    // Plugin files are read as they are, so they get the default budgets, not a project's.
    budgets: { commandLines: 140, contextLines: 200, agentLines: 200, overrides: [] },
    templatesDir: 'templates',
    outDir: `\${CLAUDE_PLUGIN_ROOT}/${PLUGIN_CONTENT_DIR}`,
  });
  return {
    files: result.outputs.map((output) => ({ path: `${PLUGIN_CONTENT_DIR}/${output.path}`, content: output.content })),
    diagnostics: result.diagnostics,
  };
}

/** Every plugin file, in a fixed order. Throws when a template does not compile. */
export function buildPluginFiles(input: { pkg: PackageInfo; templates: readonly TemplateFile[]; partials: readonly TemplateFile[] }): PluginFile[] {
  const compiled = compilePluginTemplates(input.templates, input.partials);
  const errors = compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`The plugin's templates do not compile:\n${errors.map((error) => `  ${error.file}:${error.line}: ${error.message}`).join('\n')}`);
  const agentFiles = compiled.files.map((file) => file.path).filter((path) => path.startsWith(`${PLUGIN_CONTENT_DIR}/agents/`)).sort();
  return [
    { path: '.claude-plugin/plugin.json', content: json(buildPluginManifest(input.pkg, agentFiles)) },
    { path: '.claude-plugin/marketplace.json', content: json(buildMarketplaceManifest(input.pkg)) },
    { path: 'hooks/hooks.json', content: json(buildPluginHooksFile()) },
    ...compiled.files.sort((a, b) => a.path.localeCompare(b.path)),
  ];
}
