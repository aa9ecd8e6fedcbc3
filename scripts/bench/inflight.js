// In-flight compression benchmark. Runs real tools on fixture projects (node --test, vitest, tsc, cargo test, git,
// npm install of a local package, grep and find over this repo) plus labelled synthetic outputs of tools not installed
// here, sends each output through the real decision (dist/inflight) and the real hook process, and prints per family
// and overall: the share of tokens the model still sees, the share of must-keep facts kept (labelled from the
// fixtures, not from the reducers' rules) and whether every replacement is retrievable with `ctxkit show`. Then the
// hook's time on a 1 MB and a 200-byte Bash output against a bare `node -e 0`, alternating, medians.
// Usage: npm run build && node scripts/bench/inflight.js [rounds]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRatio, timeProcess, versusBareNode } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'inflight');
const rounds = Number(process.argv[2] ?? 31);

// A private copy of the build: a parallel `npm run build` empties dist/ and must not pull it away mid-run.
const work = mkdtempSync(join(tmpdir(), 'ctxkit-bench-inflight-'));
const BUILD = join(work, 'build');
cpSync(join(ROOT, 'dist'), join(BUILD, 'dist'), { recursive: true });
cpSync(join(ROOT, 'bin'), join(BUILD, 'bin'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(BUILD, 'package.json'));
symlinkSync(join(ROOT, 'node_modules'), join(BUILD, 'node_modules'), 'dir');
const ENTRY = join(BUILD, 'dist', 'hooks', 'entry.cjs');
const CLI = join(BUILD, 'bin', 'ctxkit.js');
const { planInflight } = await import(join(BUILD, 'dist', 'inflight', 'plan-inflight.js'));
const { defaultConfig } = await import(join(BUILD, 'dist', 'config', 'defaults.js'));
const { estimateTokens } = await import(join(BUILD, 'dist', 'tokens', 'estimate-tokens.js'));
const { sanitizeText } = await import(join(BUILD, 'dist', 'privacy', 'sanitize-text.js'));

const run = (command, args, cwd, env = {}) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
};

/** @type {Array<{name: string, source: 'real'|'synthetic', command: string, text: string, facts: string[]}>} */
const cases = [];
try {
  // Real tools on fixture projects.
  const projects = join(work, 'projects');
  cpSync(join(FIXTURES, 'projects'), projects, { recursive: true });
  const names = ['rounds half to even', 'parses negative exponent', 'rejects empty input'];
  cases.push({ name: 'node --test (tap)', source: 'real', command: 'node --test', text: run(process.execPath, ['--test'], join(projects, 'node-test')), facts: [...names.map((n) => `not ok`), ...names, 'ERR_ASSERTION', '-0.001 !== -0.01', 'Missing expected exception.', '# pass 70', '# fail 3'] });
  cases.push({ name: 'node --test (spec)', source: 'real', command: 'node --test --test-reporter=spec', text: run(process.execPath, ['--test', '--test-reporter=spec'], join(projects, 'node-test')), facts: [...names, 'ERR_ASSERTION', 'tests 73', 'pass 70', 'fail 3'] });
  cases.push({ name: 'vitest run', source: 'real', command: 'npx vitest run', text: run(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run'], join(projects, 'vitest')), facts: [...names, 'expected -0.001 to be -0.01', 'math.test.js:18:22', 'Tests  3 failed | 70 passed (73)'] });
  const tscFiles = ['src/invoices.ts', 'src/orders.ts', ...[1, 2, 3, 4, 5, 6].map((i) => `src/orders${i}.ts`)];
  const tscFacts = ['TS2322', 'TS2339', 'TS2551', 'TS7006', "Property 'discount' does not exist on type 'Order'.", "Parameter 'items' implicitly has an 'any' type.", ...tscFiles];
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  cases.push({ name: 'tsc --noEmit', source: 'real', command: 'npx tsc --noEmit', text: run(process.execPath, [tsc, '-p', '.'], join(projects, 'tsc')), facts: tscFacts });
  cases.push({ name: 'tsc --pretty', source: 'real', command: 'npx tsc --noEmit --pretty', text: run(process.execPath, [tsc, '-p', '.', '--pretty'], join(projects, 'tsc')), facts: [...tscFacts, 'Found 41 errors in 8 files.'] });
  const cargo = run('cargo', ['test', '--offline'], join(projects, 'cargo'), { CARGO_TARGET_DIR: join(work, 'cargo-target'), RUST_BACKTRACE: '0', CARGO_TERM_COLOR: 'never' });
  cases.push({ name: 'cargo test', source: 'real', command: 'cargo test', text: cargo, facts: ['tests::fee_rounds_up', 'tests::balance_of_refund_is_negative', 'refund balance was -5', 'src/lib.rs:37:9', 'test result: FAILED. 40 passed; 2 failed'] });

  // git on this repository's real history: facts from git's own plumbing, not from the reducer.
  const gitLog = run('git', ['log', '-40'], ROOT);
  const hashes = run('git', ['log', '-40', '--format=%H'], ROOT).trim().split('\n');
  cases.push({ name: 'git log -40', source: 'real', command: 'git log -40', text: gitLog, facts: hashes });
  const range = `${hashes[12]}..${hashes[0]}`;
  const diff = run('git', ['diff', range, '--', 'src', 'docs'], ROOT);
  const changed = run('git', ['diff', '--name-only', range, '--', 'src', 'docs'], ROOT).trim().split('\n').filter(Boolean);
  cases.push({ name: 'git diff (12 commits)', source: 'real', command: `git diff ${range}`, text: diff, facts: changed });

  // npm install of a local package, offline.
  const app = join(work, 'npm-app');
  mkdirSync(join(work, 'local-pkg'), { recursive: true });
  writeFileSync(join(work, 'local-pkg', 'package.json'), JSON.stringify({ name: 'local-pkg', version: '1.0.0', scripts: { postinstall: "node -e \"for (let i = 0; i < 400; i++) console.log('postinstall: compiling asset ' + i + ' of 400'); console.warn('npm warn deprecated asset-format@1.0: use asset-format@2')\"" } }));
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'local-pkg': 'file:../local-pkg' } }));
  cases.push({ name: 'npm install (local package)', source: 'real', command: 'npm install --foreground-scripts', text: run('npm', ['install', '--offline', '--foreground-scripts', '--no-audit', '--no-fund'], app), facts: ['added 1 package', 'asset-format@1.0'] });

  // grep and find over this repository's real tree.
  const grep = run('grep', ['-rn', 'estimateTokens', 'src'], ROOT);
  const grepFiles = run('grep', ['-rl', 'estimateTokens', 'src'], ROOT).trim().split('\n');
  cases.push({ name: 'grep -rn over src', source: 'real', command: 'grep -rn estimateTokens src', text: grep, facts: grepFiles });
  const found = run('find', ['src', '-type', 'f'], ROOT).trim().split('\n').sort();
  cases.push({ name: 'find src -type f', source: 'real', command: 'find src -type f', text: `${found.join('\n')}\n`, facts: found.map((path) => path.slice(path.lastIndexOf('/') + 1)) });

  // A generated service log with planted anomalies (generated here, labelled as such).
  const log = [];
  for (let i = 0; i < 3000; i++) log.push(`2026-11-25T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z INFO request id=${(i * 2654435761 % 4294967296).toString(16)} path=/api/items/${i % 97} status=200 took=${i % 37}ms`);
  log.splice(1717, 0, '2026-11-25T10:28:37.717Z ERROR payment gateway timeout order=ORD-7731 after 30000ms');
  log.splice(2450, 0, "panic: runtime error: index out of range [5] with length 5", 'goroutine 17 [running]:', 'main.settle(0xc000010000)', '\t/srv/app/settle.go:88 +0x1d');
  log.push('2026-11-25T11:00:00.000Z WARN shutting down: 3 requests still in flight');
  cases.push({ name: 'service log (generated)', source: 'synthetic', command: 'tail -n 3000 /var/log/app.log', text: `${log.join('\n')}\n`, facts: ['payment gateway timeout order=ORD-7731', 'index out of range [5] with length 5', '/srv/app/settle.go:88', 'shutting down: 3 requests still in flight'] });

  // Synthetic outputs of tools not installed here (tests/fixtures/inflight/outputs/synthetic, labelled there).
  const labels = JSON.parse(readFileSync(join(FIXTURES, 'outputs', 'synthetic', 'must-keep.json'), 'utf8'));
  for (const [file, label] of Object.entries(labels)) cases.push({ name: file.replace(/\.txt$/, ''), source: 'synthetic', command: label.command, text: readFileSync(join(FIXTURES, 'outputs', 'synthetic', file), 'utf8'), facts: label.facts });

  // Through the real decision, then the real hook process for retrievability.
  const project = join(work, 'project');
  mkdirSync(project, { recursive: true });
  const rows = [];
  let toolUse = 0;
  for (const item of cases) {
    const response = { stdout: item.text, stderr: '', interrupted: false, isImage: false, noOutputExpected: false };
    const plan = await planInflight({ toolName: 'Bash', toolInput: { command: item.command }, toolResponse: response, config: defaultConfig.inflight });
    const before = estimateTokens(item.text);
    let seen = item.text;
    let family = plan.type === 'replace' ? plan.family : `(${plan.reason})`;
    let retrievable = null;
    if (plan.type === 'replace') {
      const event = { session_id: 'bench', transcript_path: join(project, 't.jsonl'), cwd: project, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: item.command }, tool_response: response, tool_use_id: `toolu_bench_${++toolUse}` };
      // A different command in between, so no replacement counts as an immediate re-run.
      spawnSync(process.execPath, [ENTRY, 'PostToolUse'], { input: JSON.stringify({ ...event, tool_use_id: `toolu_gap_${toolUse}`, tool_input: { command: 'true' }, tool_response: { ...response, stdout: '' } }), env: { ...process.env, CLAUDE_PROJECT_DIR: project } });
      const hook = spawnSync(process.execPath, [ENTRY, 'PostToolUse'], { input: JSON.stringify(event), encoding: 'utf8', env: { ...process.env, CLAUDE_PROJECT_DIR: project }, maxBuffer: 64 * 1024 * 1024 });
      seen = hook.stdout ? JSON.parse(hook.stdout).hookSpecificOutput.updatedToolOutput.stdout : item.text;
      const id = /ctxkit show (\d+)/.exec(seen)?.[1];
      // The store keeps originals with secrets redacted (the capture privacy rules): compare with that.
      retrievable = id !== undefined && execFileSync(process.execPath, [CLI, 'show', id], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) === sanitizeText(item.text);
    }
    const after = estimateTokens(seen);
    const kept = item.facts.filter((fact) => seen.includes(fact)).length;
    rows.push({ ...item, family, before, after, kept, retrievable, missing: item.facts.filter((fact) => !seen.includes(fact)) });
  }

  const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  console.log(`node ${process.version}; inflight.mode safe, minTokens ${defaultConfig.inflight.minTokens}\n`);
  console.log(`${'output'.padEnd(30)}${'source'.padEnd(11)}${'family'.padEnd(26)}${'tokens'.padStart(8)}${'seen'.padStart(8)}${'share'.padStart(8)}${'facts'.padStart(9)}  show`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(30)}${row.source.padEnd(11)}${String(row.family).slice(0, 25).padEnd(26)}${String(row.before).padStart(8)}${String(row.after).padStart(8)}${pct(row.after, row.before).padStart(8)}${`${row.kept}/${row.facts.length}`.padStart(9)}  ${row.retrievable === null ? '-' : row.retrievable ? 'ok' : 'FAILED'}${row.missing.length ? `  missing: ${JSON.stringify(row.missing)}` : ''}`);
  }
  const large = rows.filter((row) => row.before > 1000);
  const byFamily = new Map();
  for (const row of large) {
    const key = String(row.family);
    const entry = byFamily.get(key) ?? { before: 0, after: 0, facts: 0, kept: 0, n: 0 };
    entry.before += row.before;
    entry.after += row.after;
    entry.facts += row.facts.length;
    entry.kept += row.kept;
    entry.n++;
    byFamily.set(key, entry);
  }
  console.log(`\nOutputs over 1,000 tokens (${large.length}), per family:`);
  for (const [family, entry] of byFamily) console.log(`  ${family.padEnd(26)} n=${entry.n}  tokens seen ${pct(entry.after, entry.before).padStart(6)}  facts kept ${pct(entry.kept, entry.facts)}`);
  const total = large.reduce((sum, row) => ({ before: sum.before + row.before, after: sum.after + row.after, facts: sum.facts + row.facts.length, kept: sum.kept + row.kept }), { before: 0, after: 0, facts: 0, kept: 0 });
  const replaced = rows.filter((row) => row.retrievable !== null);
  console.log(`  ${'overall'.padEnd(26)} n=${large.length}  tokens seen ${pct(total.after, total.before).padStart(6)} (goal <= 25%)  facts kept ${pct(total.kept, total.facts)} (goal 100%)  retrievable ${replaced.filter((row) => row.retrievable).length}/${replaced.length}`);

  // Hook time: 200-byte and 1 MB Bash outputs against a bare `node -e 0`, alternating, medians.
  const results = join(project, 'home', '.claude', 'projects', 'p', 's', 'tool-results');
  mkdirSync(results, { recursive: true });
  const line = (i) => `${i % 50 === 0 ? 'FAIL src/case' + i + '.test.ts > computes total\n' : ''}ok ${i} - case ${i} passes in ${i % 9}ms\n`;
  let mb = '';
  for (let i = 0; mb.length < 1024 * 1024; i++) mb += line(i);
  mb += '# tests 20000\n# fail 400\n';
  const persisted = join(results, 'big.txt');
  writeFileSync(persisted, mb);
  const event = (stdout, extra = {}) => ({ session_id: 'timing', transcript_path: join(project, 't.jsonl'), cwd: project, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'npm test' }, tool_response: { stdout, stderr: '', interrupted: false, isImage: false, noOutputExpected: false, ...extra } });
  const variants = [
    ['200-byte Bash output', () => event('x'.repeat(190) + '\nok 1 - a\n'), 1.15],
    ['200-byte Bash output, inflight.mode off (capture only)', () => event('x'.repeat(190) + '\nok 1 - a\n'), 1.15, { inflight: { mode: 'off' } }],
    ['1 MB Bash output (as Claude Code sends it: 30,000 chars + persisted file)', () => event(mb.slice(0, 30000), { persistedOutputPath: persisted, persistedOutputSize: mb.length }), 2],
    ['1 MB Bash output (whole stdout in the event)', () => event(mb), 2],
  ];
  console.log(`\nHook time (${rounds} rounds each, alternating with a bare node -e 0, first 2 rounds discarded):`);
  for (const [name, make, goal, config] of variants) {
    writeFileSync(join(project, 'ctxkit.config.json'), JSON.stringify(config ?? {}));
    const env = { ...process.env, CLAUDE_PROJECT_DIR: project };
    // A session of its own each round: the same command again in one session is an immediate re-run, which passes through.
    const result = versusBareNode(rounds, (round) => {
      const run = timeProcess(process.execPath, [ENTRY, 'PostToolUse'], { input: JSON.stringify({ ...make(), session_id: `timing-${name.length}-${round}`, tool_use_id: `toolu_time_${name.length}_${round}` }), env });
      const replaced = run.stdout.includes('updatedToolOutput');
      // The large outputs must really be replaced (that is the work measured); the small ones must pass quietly.
      if (replaced !== (goal === 2)) throw new Error(`${name}: ${replaced ? 'replaced' : 'not replaced'} (${run.stdout.slice(0, 200) || 'no output'})`);
      return run;
    });
    console.log(`  ${formatRatio(name, result, goal, 76)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
