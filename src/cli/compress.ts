import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONTENT_KINDS, type ContentKind } from '../compress/types.js';
import { defineCommand } from './command.js';
import { UsageError, UserError } from './errors.js';

const KINDS: readonly string[] = CONTENT_KINDS;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function parseBudget(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const budget = Number(value);
  if (!Number.isInteger(budget) || budget <= 0) throw new UsageError(`--budget expects a positive whole number of tokens, got '${value}'.`);
  return budget;
}

export default defineCommand({
  name: 'compress',
  summary: 'Show what a reducer keeps of a file',
  usage: 'ctxkit compress <file|-> [--kind K] [--budget TOKENS] [--query Q] [--json]',
  positionals: true,
  options: {
    kind: { type: 'string', valueName: 'kind', description: `Reducer to use (${KINDS.join(', ')}); detected when absent` },
    budget: { type: 'string', valueName: 'tokens', description: 'Token budget for the reduced text' },
    query: { type: 'string', valueName: 'text', description: 'What the reader looks for (ranks prose, text and grep lines)' },
    json: { type: 'boolean', description: 'Print {text, kind, tokensBefore, tokensAfter, omitted} as JSON' },
  },
  details: [
    'Prints the reduced text on stdout and the token counts on stderr, so you can see what',
    'the pool would hold. Use - to read standard input.',
    '',
    'Examples:',
    '  ctxkit compress src/store/open.ts',
    '  npm test 2>&1 | ctxkit compress - --kind log --budget 400',
    '  ctxkit compress docs/guide.md --query "retention window" --budget 300',
  ].join('\n'),
  async run(args, io) {
    const [target, ...extra] = args.positionals;
    if (target === undefined) throw new UsageError("Missing <file|->. See 'ctxkit compress --help'.");
    if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}' for 'ctxkit compress'.`);
    const kind = args.values.kind as string | undefined;
    if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`Unknown --kind '${kind}', expected one of: ${KINDS.join(', ')}.`);
    const budgetTokens = parseBudget(args.values.budget as string | undefined);
    const query = args.values.query as string | undefined;

    let text: string;
    const path = target === '-' ? undefined : resolve(io.cwd, target);
    try {
      text = path === undefined ? await readStdin() : await readFile(path, 'utf8');
    } catch (error) {
      throw new UserError(`Cannot read '${target}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }

    const { compress } = await import('../compress/index.js');
    const result = await compress(text, {
      ...(kind !== undefined ? { kind: kind as ContentKind } : {}),
      ...(budgetTokens !== undefined ? { budgetTokens } : {}),
      ...(query !== undefined ? { query } : {}),
      ...(path !== undefined ? { path: target } : {}),
    });
    if (args.values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    io.stdout(result.text.endsWith('\n') || result.text === '' ? result.text : `${result.text}\n`);
    const share = result.tokensBefore === 0 ? 100 : Math.round((result.tokensAfter / result.tokensBefore) * 100);
    io.stderr(`ctxkit compress: ${result.kind}, ${result.tokensBefore} → ${result.tokensAfter} tokens (${share}%)${result.omitted ? `; omitted: ${result.omitted}` : ''}\n`);
    return 0;
  },
});
