import { isShellCommandAllowed, parseAllowedTools, suggestAllowedTool } from '../claude/shell-commands.js';
import type { Diagnostic, SourceLine } from './compile-types.js';
import { AGENT_KEYS, AGENT_NAME, COMMAND_KEYS } from '../claude/frontmatter-keys.js';
import { GENERATOR_DIRECTIVES } from './generator-directives.js';
import { messages } from './messages.js';

export interface FrontmatterInput {
  kind: 'command' | 'agent';
  /** True when the template starts with a `---` fence. */
  present: boolean;
  /** The YAML lines between the fences, variables already expanded. */
  rawLines: readonly SourceLine[];
  data: Record<string, unknown>;
  /** A YAML error that even the auto-quoting retry could not fix; `line` is 1-based in `file`. */
  error?: { message: string; line: number };
  file: string;
  /** `!` shell commands in the body (commands only). */
  shellCommands: readonly { command: string; file: string; line: number }[];
}

export interface PreparedFrontmatter {
  /** The output frontmatter, fences included; empty when there is none. */
  lines: string[];
  diagnostics: Diagnostic[];
}

const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s:#][^:#]*?))\s*:(?:\s|$)/;

interface KeyBlock {
  key: string;
  start: number;
  end: number;
}

/** Top-level keys and the line ranges their values span, found in the YAML text itself (to keep its formatting). */
function findKeyBlocks(lines: readonly string[]): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = TOP_LEVEL_KEY.exec(lines[index]);
    if (!match || /^\s/.test(lines[index])) continue;
    let end = index + 1;
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next];
      if (/^(\s|-(\s|$))/.test(text) && text.trim() !== '') end = next + 1;
      else if (text.trim() !== '') break;
    }
    blocks.push({ key: match[1] ?? match[2] ?? match[3], start: index, end });
    index = end - 1;
  }
  return blocks;
}

/**
 * Checks a template's frontmatter against the fields Claude Code reads, resolves `ctxkit:` directives
 * and returns the frontmatter to write: as the author wrote it, minus the `ctxkit` key, plus the
 * `allowed-tools` rules `allowShell` asked for.
 */
export function prepareFrontmatter(input: FrontmatterInput): PreparedFrontmatter {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (index: number) => input.rawLines[index]?.line ?? 1;
  const report = (line: number, severity: Diagnostic['severity'], message: string) =>
    diagnostics.push({ file: input.rawLines[0]?.file ?? input.file, line, severity, message });

  if (input.error) {
    report(input.error.line, 'error', messages.frontmatterInvalid(input.error.message));
    return { lines: [], diagnostics };
  }
  const texts = input.rawLines.map((line) => line.text);
  const blocks = findKeyBlocks(texts);
  const blockLine = (key: string) => {
    const block = blocks.find((candidate) => candidate.key === key);
    return block ? lineOf(block.start) : 1;
  };

  const known = Object.keys(input.kind === 'agent' ? AGENT_KEYS : COMMAND_KEYS);
  for (const key of Object.keys(input.data)) {
    if (key !== 'ctxkit' && !known.includes(key)) report(blockLine(key), 'warning', messages.unknownFrontmatterKey(key, input.kind, known));
  }

  let allowShell = false;
  const directives = input.data.ctxkit;
  if (directives !== undefined) {
    if (directives === null || typeof directives !== 'object' || Array.isArray(directives)) {
      report(blockLine('ctxkit'), 'error', messages.directiveNotObject());
    } else {
      for (const key of Object.keys(directives)) {
        if (!(GENERATOR_DIRECTIVES as readonly string[]).includes(key)) report(blockLine('ctxkit'), 'warning', messages.unknownDirective(key, GENERATOR_DIRECTIVES));
      }
      allowShell = (directives as Record<string, unknown>).allowShell === true;
    }
  }

  if (input.kind === 'agent') {
    for (const key of ['name', 'description']) {
      const value = input.data[key];
      if (typeof value !== 'string' || value.trim() === '') report(input.present ? blockLine(key) : 1, 'error', messages.agentFieldMissing(key));
    }
    const name = input.data.name;
    if (typeof name === 'string' && name.trim() !== '' && !AGENT_NAME.test(name)) report(blockLine('name'), 'error', messages.agentNameInvalid(name));
  }

  const rules = parseAllowedTools(input.data['allowed-tools']);
  const added: string[] = [];
  for (const shell of input.shellCommands) {
    if (isShellCommandAllowed(shell.command, [...rules, ...added])) continue;
    const rule = suggestAllowedTool(shell.command);
    if (allowShell) added.push(rule);
    else diagnostics.push({ file: shell.file, line: shell.line, severity: 'error', message: messages.shellNotAllowed(shell.command, rule) });
  }

  let out = [...texts];
  const drop = (block: KeyBlock | undefined, replacement: string[] = []) => {
    if (!block) return;
    out = [...out.slice(0, block.start), ...replacement, ...out.slice(block.end)];
  };
  // Edit from the bottom up so earlier block ranges stay valid.
  const edits: { block: KeyBlock; replacement: string[] }[] = [];
  const ctxkitBlock = blocks.find((block) => block.key === 'ctxkit');
  if (ctxkitBlock) edits.push({ block: ctxkitBlock, replacement: [] });
  if (added.length > 0) {
    const list = ['allowed-tools:', ...[...rules, ...added].map((rule) => `  - ${JSON.stringify(rule)}`)];
    const toolsBlock = blocks.find((block) => block.key === 'allowed-tools');
    if (toolsBlock) edits.push({ block: toolsBlock, replacement: list });
    else out.push(...list);
  }
  for (const edit of edits.sort((a, b) => b.block.start - a.block.start)) drop(edit.block, edit.replacement);

  if (!input.present && out.length === 0) return { lines: [], diagnostics };
  if (out.every((line) => line.trim() === '')) return { lines: [], diagnostics };
  return { lines: ['---', ...out, '---'], diagnostics };
}
