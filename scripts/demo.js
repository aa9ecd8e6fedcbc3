// @ts-check
// `npm run demo`: installs the freshly built ctxkit into a scratch repository, generates and lints its
// commands, then runs two Claude Code sessions (the real CLI from node_modules, against the project's local
// Messages API stand-in, so no key and no network) and shows what ctxkit captured, compressed and injected.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIsolatedHome, runClaude } from './messages-api/run-claude.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'ctxkit.js');
const keep = process.argv.includes('--keep');
const bold = (/** @type {string} */ text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const step = (/** @type {string} */ title) => console.log(`\n${bold(`▸ ${title}`)}`);
const indent = (/** @type {string} */ text, prefix = '  ') => text.trimEnd().split('\n').map((line) => `${prefix}${line}`).join('\n');

/**
 * Runs the built ctxkit CLI in the scratch repository and prints what it says.
 * @param {string[]} args
 * @param {{quiet?: boolean, env?: NodeJS.ProcessEnv}} [options]
 */
function ctxkit(args, options = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (!options.quiet) {
    console.log(`  $ ctxkit ${args.join(' ')}`);
    const output = `${result.stdout}${result.stderr}`.trim();
    if (output) console.log(indent(output, '    '));
  }
  return result;
}

/** A small project for the sessions to explore. */
const files = {
  'package.json': JSON.stringify({ name: 'demo-shop', version: '1.0.0', type: 'module', scripts: { test: 'node --test' } }, null, 2),
  'src/cart.js': [
    "import { priceOf } from './pricing.js';",
    '',
    '/** A shopping cart: items with quantities, and a total in cents. */',
    'export class Cart {',
    '  constructor() {',
    '    this.items = new Map();',
    '  }',
    '',
    '  add(sku, quantity = 1) {',
    '    if (quantity <= 0) throw new RangeError(`quantity must be positive, got ${quantity}`);',
    '    this.items.set(sku, (this.items.get(sku) ?? 0) + quantity);',
    '  }',
    '',
    '  totalCents() {',
    '    let total = 0;',
    '    for (const [sku, quantity] of this.items) total += priceOf(sku) * quantity;',
    '    return total;',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/pricing.js': [
    '/** Prices in cents by SKU; unknown SKUs are an error, never free. */',
    "const PRICES = { 'apple-1kg': 349, 'bread-sourdough': 525, 'coffee-beans': 1299 };",
    '',
    'export function priceOf(sku) {',
    '  const price = PRICES[sku];',
    '  if (price === undefined) throw new Error(`E_UNKNOWN_SKU: no price for ${sku}`);',
    '  return price;',
    '}',
    '',
  ].join('\n'),
  'README.md': '# demo-shop\n\nA cart with prices in cents. Run `npm test`.\n',
  'templates/commands/release.md': [
    '---',
    'description: Prepare a release of demo-shop',
    'argument-hint: "<version>"',
    '---',
    '# Release $0',
    '',
    'Check the tests pass, bump the version in package.json to $0, and write the changelog entry.',
    '',
    '## Changelog style',
    '<!-- progressive: when you write the changelog entry -->',
    '',
    ...Array.from({ length: 30 }, (_, i) => `- Rule ${i + 1}: one line per user-visible change, newest first, with the SKU or API it affects.`),
    '',
  ].join('\n'),
};

const repo = mkdtempSync(join(tmpdir(), 'ctxkit-demo-'));
const home = makeIsolatedHome();
try {
  console.log(bold('ctxkit demo'));
  console.log(`  scratch repository: ${repo}`);

  step('A scratch repository');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'add', '.'], { cwd: repo });
  execFileSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'commit', '-qm', 'demo-shop'], { cwd: repo });
  console.log(indent(Object.keys(files).join('\n')));

  step('Install the hooks into .claude/settings.json');
  ctxkit(['install']);

  step('Generate commands from templates/ (the changelog rules move to a context file)');
  ctxkit(['generate']);

  step('Lint the generated commands against their budgets');
  ctxkit(['lint']);

  // Session 1 explores: reads both modules, searches for the error code, runs a command, and asks a subagent.
  const AGENT_TASK = 'Find where prices come from and what happens for an unknown SKU.';
  const session1 = await runClaude({
    cwd: repo,
    home,
    prompt: 'Explore how the cart computes totals.',
    allowedTools: ['Read', 'Grep', 'Glob', 'Bash(ls *)', 'Agent'],
    script: {
      rules: [
        { when: { isSubagent: true, lastUserTextIncludes: AGENT_TASK }, reply: { toolUses: [{ name: 'Read', id: 'toolu_sub_read', input: { file_path: join(repo, 'src/pricing.js') } }] } },
        {
          when: { isSubagent: true, toolResultFor: 'toolu_sub_read' },
          reply: { text: '## Handoff\n### Findings\n- Prices are cents in PRICES; priceOf throws E_UNKNOWN_SKU for unknown SKUs.\n### Files\n- src/pricing.js:1-8: the price table and priceOf\n### Decisions\n- none\n### Open questions\n- none' },
        },
        { when: { isSubagent: false, lastUserTextIncludes: 'Explore how the cart' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_read_cart', input: { file_path: join(repo, 'src/cart.js') } }] } },
        { when: { isSubagent: false, toolResultFor: 'toolu_read_cart' }, reply: { toolUses: [{ name: 'Grep', id: 'toolu_grep', input: { pattern: 'E_UNKNOWN_SKU', path: repo, output_mode: 'content', '-n': true } }] } },
        { when: { isSubagent: false, toolResultFor: 'toolu_grep' }, reply: { toolUses: [{ name: 'Bash', id: 'toolu_ls', input: { command: 'ls src', description: 'List the sources' } }] } },
        { when: { isSubagent: false, toolResultFor: 'toolu_ls' }, reply: { toolUses: [{ name: 'Agent', id: 'toolu_agent', input: { description: 'Find the price source', prompt: AGENT_TASK, subagent_type: 'general-purpose' } }] } },
        { when: { isSubagent: false, toolResultFor: 'toolu_agent' }, reply: { text: 'Cart.totalCents sums priceOf(sku) * quantity; prices live in src/pricing.js.' } },
      ],
      default: { text: 'ok' },
    },
  });
  step(`Session 1 explores the cart (real Claude Code CLI, ${session1.modelRequests.length} model requests, exit ${session1.code})`);
  const captured = ctxkit(['context', 'cart totals prices unknown SKU', '--json'], { quiet: true });
  printCaptured(captured.stdout);

  // Session 2 asks about the same code: ctxkit injects what session 1 found before the model reads anything.
  const session2 = await runClaude({
    cwd: repo,
    home,
    prompt: 'How does the cart price an unknown SKU?',
    allowedTools: ['Read', 'Grep', 'Glob', 'Agent'],
    script: {
      rules: [
        { when: { isSubagent: false, lastUserTextIncludes: 'unknown SKU' }, reply: { toolUses: [{ name: 'Read', id: 'toolu_reread', input: { file_path: join(repo, 'src/pricing.js') } }] } },
        { when: { isSubagent: false, toolResultFor: 'toolu_reread' }, reply: { text: 'priceOf throws E_UNKNOWN_SKU.' } },
      ],
      default: { text: 'ok' },
    },
  });
  step(`Session 2 asks about the same code (${session2.modelRequests.length} model requests, exit ${session2.code})`);
  const firstRequest = JSON.stringify(session2.modelRequests.find((request) => request.role === 'main')?.body ?? {});
  const injected = extractInjected(firstRequest);
  console.log(injected ? `  What ctxkit injected into session 2's first request:\n${indent(injected, '    │ ')}` : '  Nothing was injected (the pool had nothing relevant).');

  step('What it cost and saved (ctxkit stats)');
  ctxkit(['stats', '--transcripts', session2.transcriptDir]);

  console.log(`\n${bold('Done.')} ${keep ? `The scratch repository stays at ${repo}.` : 'Run with --keep to look around the scratch repository.'}`);
} finally {
  if (!keep) rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}

/**
 * Prints the pool's items for a query as a small table.
 * @param {string} json
 */
function printCaptured(json) {
  try {
    const report = JSON.parse(json);
    const items = report.items ?? report.selected ?? [];
    if (items.length === 0) {
      console.log('  The pool holds nothing for that query yet.');
      return;
    }
    console.log('  What the pool now holds for "cart totals prices unknown SKU":');
    for (const item of items) console.log(`    - ${item.kind ?? ''} ${item.key ?? item.path ?? ''}  ${item.source ?? ''}`.trimEnd());
  } catch {
    console.log(indent(json || '(ctxkit context printed nothing)', '    '));
  }
}

/**
 * Finds ctxkit's injected block (it starts with the `[ctxkit]` marker) in a serialized request body.
 * @param {string} body
 */
function extractInjected(body) {
  const start = body.indexOf('[ctxkit]');
  if (start === -1) return undefined;
  const text = JSON.parse(`"${body.slice(start).split(/(?<!\\)"/)[0]}"`);
  return text.split('\n').slice(0, 24).join('\n');
}
