/**
 * Every message `ctxkit lint` shows, in one place so rewording never touches logic. Each says what was
 * found and what was expected ("Unexpected X, expected Y").
 */
const count = (n: number) => String(n);

export const messages = {
  tooManyLines: (what: string, lines: number, max: number, hint: string) =>
    `Unexpected ${count(lines)} lines, expected at most ${count(max)} in ${what}: ${hint}`,
  tooManyTokens: (tokens: number, max: number) =>
    `Unexpected about ${count(tokens)} tokens (estimated), expected at most ${count(max)}: shorten the file or move detail into context files read on demand.`,
  lineTooLong: (length: number, max: number) =>
    `Unexpected line of ${count(length)} characters, expected at most ${count(max)}: wrap it or move the long text into a file the model reads on demand.`,
  yamlInvalid: (reason: string) =>
    `Unexpected invalid YAML in frontmatter (${reason}), even after auto-quoting; expected valid YAML: Claude Code ignores this frontmatter.`,
  frontmatterUnclosed: () =>
    `Unexpected opening '---' without a closing '---', expected frontmatter closed by a '---' line: Claude Code reads it all as body text.`,
  wrongType: (key: string, found: string, expected: string) => `Unexpected ${found} for '${key}', expected ${expected}.`,
  wrongValue: (key: string, found: string, values: readonly string[]) =>
    `Unexpected ${found} for '${key}', expected one of ${values.map((value) => `'${value}'`).join(', ')}.`,
  unknownKey: (key: string, kind: string, suggestion: string | undefined) =>
    `Unexpected ${kind} frontmatter key '${key}' (Claude Code ignores it), expected ${suggestion ? `'${suggestion}'` : 'a known key (see docs/rules/frontmatter-unknown-key.md)'}.`,
  missingDescription: () =>
    `Unexpected command without 'description' in frontmatter, expected one: the / menu and Claude's choice of when to use it rely on it.`,
  agentFieldMissing: (key: string) =>
    `Unexpected agent without '${key}' in frontmatter, expected '${key}': Claude Code does not load a subagent without it.`,
  agentNameInvalid: (name: string) =>
    `Unexpected agent name '${name}', expected lowercase letters, digits and hyphens (e.g. code-reviewer).`,
  missingFileReference: (path: string) =>
    `Unexpected reference @${path} to a file that does not exist, expected an existing path relative to the repository root.`,
  shellNotAllowed: (command: string, suggestion: string, hasAllowedTools: boolean) =>
    `Unexpected !\`${command}\` without a matching allowed-tools rule, expected ${hasAllowedTools ? 'allowed-tools to include' : "an 'allowed-tools' entry such as"} ${suggestion}: Claude Code refuses to run it otherwise.`,
  secondArgument: (placeholder: string, first: string) =>
    `Unexpected ${placeholder} while ${first} is never used: ${placeholder} is the SECOND argument since Claude Code 2.1.19 (0-based), expected ${first} for the first argument (or \\${placeholder} for the literal text).`,
  missingContextFile: (target: string) =>
    `Unexpected link to context file ${target}, which does not exist; expected an existing file (run ctxkit generate, or fix the path).`,
  handEdited: (from: string) =>
    `Unexpected hand edits in a generated file (its content no longer matches the header's hash), expected edits in ${from} followed by ctxkit generate.`,
  templateMissing: (from: string) =>
    `Unexpected generated file whose template ${from} does not exist, expected the template (or delete this file).`,
  generatedStale: () =>
    `Unexpected stale generated file (its template or an included partial changed since it was generated), expected the current output: run ctxkit generate.`,
  notGenerated: () =>
    `Unexpected hand-written file where a template's output belongs, expected the generated file: rename one of them, or delete this file and run ctxkit generate.`,
  unreadable: (reason: string) => `Unexpected unreadable file (${reason}), expected a readable text file.`,
  invalidUtf8: (lines: readonly number[]) =>
    `Unexpected bytes that are not UTF-8 on ${lines.length === 1 ? 'line' : `${lines.length} lines:`} ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}, expected UTF-8 text (they read as U+FFFD).`,
} as const;
