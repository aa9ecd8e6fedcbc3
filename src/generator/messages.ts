/**
 * Every message `ctxkit generate` shows a user, in one place, so rewording never touches logic.
 * Messages say what was found and what was expected.
 */
export const messages = {
  undefinedVariable: (name: string) =>
    `Undefined variable '{{${name}}}': define it under "variables" in ctxkit.config.json, or write \\{{ for literal braces.`,
  invalidVariableName: (name: string) =>
    `Unexpected '{{${name}}}': expected a variable name (letters, digits, _ . -) or an include line '{{> partial}}'; write \\{{ for literal braces.`,
  inlineInclude: (name: string) => `Unexpected inline include '{{> ${name}}}': an include must stand on a line of its own.`,
  missingPartial: (name: string, tried: string[]) => `Missing partial '${name}': expected one of ${tried.join(', ')}.`,
  includeCycle: (chain: string[]) => `Include cycle: ${chain.join(' -> ')}.`,
  ignoredTemplate: (path: string) =>
    `Ignored '${path}': expected templates under commands/ (any depth), agents/ (one level) or partials/.`,
  frontmatterInvalid: (reason: string) =>
    `Frontmatter is not valid YAML even after auto-quoting (Claude Code would ignore it): ${reason}.`,
  unknownFrontmatterKey: (key: string, kind: string, known: readonly string[]) =>
    `Unknown ${kind} frontmatter key '${key}': expected one of ${known.join(', ')}.`,
  agentFieldMissing: (key: string) => `Agent frontmatter needs '${key}'.`,
  agentNameInvalid: (name: string) => `Unexpected agent name '${name}': expected lowercase letters, digits and hyphens (e.g. code-reviewer).`,
  unknownDirective: (key: string, known: readonly string[]) =>
    `Unknown ctxkit directive '${key}': expected one of ${known.join(', ')}.`,
  directiveNotObject: () => `Unexpected 'ctxkit' frontmatter value: expected a mapping such as 'ctxkit: {allowShell: true}'.`,
  shellNotAllowed: (command: string, rule: string) =>
    `Shell line !\`${command}\` is not approved by allowed-tools: add '${rule}' to allowed-tools, or set 'ctxkit: {allowShell: true}' to let ctxkit add it.`,
  secondArgument: () =>
    `'$1' is the SECOND argument in Claude Code (0-based since 2.1.19): use $0 for the first, or $ARGUMENTS; write \\$1 if you mean the literal text.`,
  progressiveShellSection: (title: string) =>
    `Section '${title}' is marked progressive but holds a ! shell line, which runs only in the command file itself: it stays in the command.`,
  sectionTooBig: (title: string, lines: number, budget: number, path: string) =>
    `Section '${title}' needs ${lines} lines in ${path}, over its ${budget}-line budget, and has no sub-heading left to split at: add sub-headings, or raise budgets.contextLines (or a budgets.overrides entry for ${path}).`,
  immediateTooBig: (path: string, lines: number, budget: number, keptTitles: string[], introLines: number, pointers: number) => {
    const stays = [
      ...keptTitles.map((title) => `'${title}'`),
      ...(introLines > 0 ? [`${introLines} line(s) of text before the first heading`] : []),
      ...(pointers > 0 ? [`${pointers} pointer line(s) to context files`] : []),
    ];
    return `${path} still needs ${lines} lines after moving and grouping every section that can move (budget ${budget}); what stays: ${stays.join(', ') || 'the text before the first heading'}. Shorten it, add headings so parts can move, or raise the budget.`;
  },
  outputCollision: (path: string, other: string) => `Output ${path} is also produced by ${other}: rename one template.`,
  contextPointer: (path: string, when: string) => `- Read ${path} ${when}.`,
  defaultWhen: (title: string) => `when you need "${title}"`,
  /** The "when" of a group's pointer: every title while the list stays short, else the first and last. */
  groupWhen: (titles: readonly string[]) => {
    const quoted = titles.map((title) => `"${title}"`);
    if (quoted.length > 5) return `when you need ${quoted[0]} to ${quoted[quoted.length - 1]} (${quoted.length} sections)`;
    return `when you need ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  },
} as const;

/** Text of the CLI report. */
export const reportText = {
  noTemplatesFolder: (label: string) =>
    `No templates folder at ${label}: create it (templates/commands/*.md, templates/agents/*.md), set "templates" in ctxkit.config.json, or pass --templates DIR.`,
  heading: (templates: string, out: string) => `ctxkit generate: ${templates}/ -> ${out}/`,
  nothingToCompile: (templates: string) => `No templates found in ${templates}/ (expected commands/**.md or agents/**.md).`,
  summary: (counts: Record<string, number>) => {
    const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([name, n]) => `${n} ${name}`);
    return parts.length > 0 ? `${parts.join(', ')}.` : 'Nothing to do.';
  },
  errorsBlockWrite: (count: number) => `${count} error(s) in templates: nothing was written. Fix them and run ctxkit generate again.`,
  blocked: (path: string, status: string) =>
    status === 'hand-edited'
      ? `${path} was edited by hand since it was generated: move your edits into the template, then run ctxkit generate --force to overwrite it.`
      : `${path} exists and was not written by ctxkit: move or delete it (or run ctxkit generate --force to replace it).`,
  checkFailed: (count: number) => `${count} generated file(s) out of date: run ctxkit generate.`,
  checkPassed: (count: number) => `All ${count} generated file(s) are up to date.`,
  statusHint: {
    ok: 'up to date',
    missing: 'missing: not generated yet',
    stale: 'stale: template changed since it was generated',
    orphaned: 'orphaned: its template was deleted',
    'hand-edited': 'hand-edited: changed by hand since it was generated',
    'not-generated': 'not generated: a hand-written file stands where an output belongs',
  } as Record<string, string>,
  watching: (templates: string) => `Watching ${templates}/ for changes (Ctrl+C to stop).`,
  watchFailed: () => 'Not rebuilt; waiting for the next save.',
  watchRebuilt: (summary: string) => `Rebuilt: ${summary}`,
} as const;
