import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONTENT_KINDS, type ContentKind } from '../compress/types.js';
import { defineCommand } from './command.js';
import { readAllStdin } from './read-all-stdin.js';
import { UsageError, UserError } from './errors.js';

const KINDS: readonly string[] = CONTENT_KINDS;

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
    llm: { type: 'boolean', description: 'Also ask the model for a verified summary (needs llm.enabled and ANTHROPIC_API_KEY)' },
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
      text = path === undefined ? await readAllStdin() : await readFile(path, 'utf8');
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
    let shown: typeof result & { source?: string; rejectedBecause?: string } = result;
    if (args.values.llm) {
      const { loadCommandConfig } = await import('./load-command-config.js');
      const { llmSettings, summarizeWithLlm } = await import('../compress/llm-summary.js');
      const config = loadCommandConfig(io.cwd);
      const settings = llmSettings(config.llm, io.env);
      if (!settings) throw new UserError('--llm needs "llm": {"enabled": true} in ctxkit.config.json and ANTHROPIC_API_KEY in the environment.');
      shown = await summarizeWithLlm(text, { ...settings, extractive: result, ...(query !== undefined ? { query } : {}), ...(budgetTokens !== undefined ? { budgetTokens } : {}) });
      if (shown.source === 'extractive') io.stderr(`ctxkit compress: kept the extractive result; ${shown.rejectedBecause}.\n`);
    }
    if (args.values.json) {
      io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
      return 0;
    }
    io.stdout(shown.text.endsWith('\n') || shown.text === '' ? shown.text : `${shown.text}\n`);
    const share = shown.tokensBefore === 0 ? 100 : Math.round((shown.tokensAfter / shown.tokensBefore) * 100);
    const via = shown.source === 'llm' ? ' (model summary)' : '';
    io.stderr(`ctxkit compress: ${shown.kind}${via}, ${shown.tokensBefore} → ${shown.tokensAfter} tokens (${share}%)${shown.omitted ? `; omitted: ${shown.omitted}` : ''}\n`);
    return 0;
  },
});
