import { readFileSync } from 'node:fs';
import { formatCommandHelp, parseCommandArgs, type CommandIO } from './command.js';
import { commands, loadCommand } from './commands.js';
import { ExitCode, UsageError, UserError } from './errors.js';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function formatMainHelp(): string {
  const available = commands.filter((entry) => existsCommand(entry.name));
  const width = Math.max(...available.map((entry) => entry.name.length));
  return [
    'Usage: ctxkit <command> [options]',
    '',
    'Shared context for Claude Code sessions and subagents, and command files within budget.',
    '',
    'Commands:',
    ...available.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`),
    '',
    "Run 'ctxkit <command> --help' for a command's options.",
    '',
  ].join('\n');
}

// Commands land one issue at a time; the table lists only those whose module is built.
function existsCommand(name: string): boolean {
  try {
    readFileSync(new URL(`./${name}.js`, import.meta.url));
    return true;
  } catch {
    return false;
  }
}

export function defaultIO(): CommandIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Runs the CLI and returns the exit code (also set on process.exitCode so piped output flushes first). */
export async function main(argv: string[], io: CommandIO = defaultIO()): Promise<number> {
  const code = await dispatch(argv, io);
  process.exitCode = code;
  return code;
}

async function dispatch(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(formatMainHelp());
    return name === undefined ? ExitCode.failure : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${readVersion()}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry || !existsCommand(entry.name)) {
    io.stderr(`ctxkit: unknown command '${name}'. Run 'ctxkit --help' for the list.\n`);
    return ExitCode.failure;
  }
  try {
    const { default: command } = await loadCommand(entry.name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(formatCommandHelp(command));
      return ExitCode.ok;
    }
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UserError) {
      io.stderr(`ctxkit ${name}: ${error.message}\n`);
      return ExitCode.failure;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`ctxkit ${name}: internal error, please report it with the text below.\n${stack}\n`);
    return ExitCode.failure;
  }
}
