/**
 * Claude Code runs `` !`cmd` `` (at line start or after whitespace) and ```` ```! ```` blocks in a command
 * body before the prompt is sent, and each must pass the Bash permission check: in `-p` mode only an
 * `allowed-tools` entry can approve it. These helpers find such commands and check them against the
 * command's own `allowed-tools`.
 */
export interface ShellCommand {
  /** 0-based line index within the text passed in. */
  line: number;
  command: string;
}

const INLINE = /(?:^|\s)!`([^`\n]+)`/g;

/**
 * Every shell command of a body: each inline `` !`cmd` ``, and each ```` ```! ```` block as ONE command
 * (a script: a heredoc in it spans lines), reported at its first line.
 */
export function findShellCommands(body: string): ShellCommand[] {
  const found: ShellCommand[] = [];
  const lines = body.split('\n');
  let fence: { marker: string; isShell: boolean; script: string[]; start: number } | undefined;
  lines.forEach((text, line) => {
    const fenceMatch = /^\s*(`{3,}|~{3,})(.*)$/.exec(text);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.marker[0] && fenceMatch[1].length >= fence.marker.length && fenceMatch[2].trim() === '') {
        const script = fence.script.join('\n').trim();
        if (fence.isShell && script !== '') found.push({ line: fence.start, command: script });
        fence = undefined;
      } else if (fence.isShell) {
        if (fence.script.length === 0 && text.trim() === '') return;
        if (fence.script.length === 0) fence.start = line;
        fence.script.push(text);
      }
      return;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], isShell: fenceMatch[2].trim() === '!', script: [], start: line + 1 };
      return;
    }
    INLINE.lastIndex = 0;
    for (let match = INLINE.exec(text); match !== null; match = INLINE.exec(text)) {
      found.push({ line, command: match[1].trim() });
    }
  });
  return found;
}

/** Splits an `allowed-tools` value (string with spaces or commas between rules, or a YAML list) into rules. */
export function parseAllowedTools(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  if (typeof value !== 'string') return [];
  const rules: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of value) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || /\s/.test(char))) {
      if (current.trim()) rules.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) rules.push(current.trim());
  return rules;
}

/** True when one of the rules (`Bash`, `Bash(git status)`, `Bash(git *)`, legacy `Bash(git:*)`) allows the command. */
export function isShellCommandAllowed(command: string, rules: readonly string[]): boolean {
  return rules.some((rule) => {
    if (rule === 'Bash' || rule === 'Bash(*)') return true;
    const match = /^Bash\((.*)\)$/s.exec(rule);
    if (!match) return false;
    const pattern = match[1].replace(/:\*$/, ' *');
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    // `git *` also allows plain `git`, as Claude Code's prefix rules do.
    const loose = source.endsWith(' .*') ? `${source.slice(0, -3)}(?: .*)?` : source;
    return new RegExp(`^${loose}$`, 's').test(command.trim());
  });
}

/** The rule a generator adds to approve a command: its first word (two for tools like `npm run`) plus ` *`. */
export function suggestAllowedTool(command: string): string {
  const words = command.trim().split(/\s+/);
  const head = ['npm', 'npx', 'pnpm', 'yarn', 'git', 'node', 'cargo', 'go'].includes(words[0]) && words[1] && !words[1].startsWith('-')
    ? words.slice(0, 2).join(' ')
    : words[0];
  return `Bash(${head} *)`;
}
