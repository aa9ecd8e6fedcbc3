#!/usr/bin/env node
// Times `ctxkit lint` (the built CLI, whole process) against markdownlint-cli2 on the same 1,000
// generated command files, alternating runs so both see the same machine load, and prints medians and
// the ctxkit/markdownlint ratio (goal: <= 0.5). Also times `ctxkit generate` on a templates corpus
// on the same corpus as templates. Run `npm run build` first.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timeProcess } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/ctxkit.js');
const markdownlint = join(root, 'node_modules/.bin/markdownlint-cli2');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const fileCount = Number(process.env.BENCH_FILES ?? 1000);

if (!existsSync(join(root, 'dist/cli/lint.js'))) {
  console.error('dist/cli/lint.js is missing: run `npm run build` first.');
  process.exit(2);
}

// Deterministic corpus: the same files on every run.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (items) => items[Math.floor(random() * items.length)];
const words = ['deploy', 'check', 'the', 'service', 'config', 'before', 'running', 'tests', 'and', 'review', 'output', 'with', 'care', 'module', 'release', 'branch', 'error', 'handler', 'cache', 'request'];
const sentence = (n) => {
  const text = Array.from({ length: n }, () => pick(words)).join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};

/** One command file of about `target` lines: frontmatter, headings, prose, lists, code blocks. */
function commandFile(index, target) {
  const lines = ['---', `description: ${sentence(6)}`, 'argument-hint: [target] [mode]', 'allowed-tools: Bash(git status *), Bash(npm test *)', '---', `# Command ${index}`, ''];
  let section = 0;
  while (lines.length < target) {
    const kind = random();
    if (kind < 0.12) lines.push('', `## Section ${++section}`, '');
    else if (kind < 0.45) lines.push(sentence(8 + Math.floor(random() * 14)));
    else if (kind < 0.7) for (let i = 0; i < 4; i++) lines.push(`- ${sentence(5)}`);
    else if (kind < 0.85) lines.push('', '```bash', 'npm test -- --run', `git status --short # ${pick(words)}`, '```', '');
    else if (kind < 0.95) lines.push(`1. ${sentence(6)}`, `2. ${sentence(6)}`);
    else lines.push('', 'Current status: !`git status --short`', '');
  }
  return `${lines.slice(0, target).join('\n')}\n`;
}

function sizeFor() {
  // Mostly small and medium commands, a long tail up to 1,500 lines.
  const r = random();
  if (r < 0.5) return 20 + Math.floor(random() * 120);
  if (r < 0.85) return 140 + Math.floor(random() * 360);
  return 500 + Math.floor(random() * 1001);
}

function writeCorpus(dir) {
  let totalLines = 0;
  for (let i = 0; i < fileCount; i++) {
    const size = sizeFor();
    totalLines += size;
    const path = join(dir, '.claude/commands', `group-${i % 20}`, `command-${i}.md`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, commandFile(i, size));
  }
  return totalLines;
}

const time = (command, args, cwd) => timeProcess(command, args, { cwd });

const work = mkdtempSync(join(tmpdir(), 'ctxkit-bench-lint-'));
try {
  const totalLines = writeCorpus(work);
  const glob = '.claude/commands/**/*.md';
  const ctxkitArgs = [cli, 'lint', '--format', 'json'];
  const markdownlintArgs = [glob];

  // Warm-up (file cache, compiled code cache) and a sanity check that both tools see every file.
  const check = time(process.execPath, ctxkitArgs, work);
  const checked = JSON.parse(check.stdout).filesChecked;
  const mdCheck = time(markdownlint, markdownlintArgs, work);
  const mdSeen = /Linting: (\d+) file/.exec(mdCheck.stdout + mdCheck.stderr)?.[1];
  if (checked !== fileCount) throw new Error(`ctxkit lint checked ${checked} files, expected ${fileCount}`);

  const ctxkitTimes = [];
  const markdownlintTimes = [];
  for (let round = 0; round < rounds; round++) {
    ctxkitTimes.push(time(process.execPath, ctxkitArgs, work).ms);
    markdownlintTimes.push(time(markdownlint, markdownlintArgs, work).ms);
  }
  const ctxkitMedian = median(ctxkitTimes);
  const markdownlintMedian = median(markdownlintTimes);

  const rows = [
    ['tool', 'files', 'median ms', 'runs (ms)'],
    ['ctxkit lint', String(checked), ctxkitMedian.toFixed(0), ctxkitTimes.map((t) => t.toFixed(0)).join(' ')],
    ['markdownlint-cli2', mdSeen ?? '?', markdownlintMedian.toFixed(0), markdownlintTimes.map((t) => t.toFixed(0)).join(' ')],
  ];

  // generate: the same corpus as templates (the `!` lines need a Bash entry the corpus does not pre-approve).
  const templates = join(work, 'generate');
  seed = 42;
  for (let i = 0; i < fileCount; i++) {
    const path = join(templates, 'templates/commands', `group-${i % 20}`, `template-${i}.md`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, commandFile(i, sizeFor()).replace(/^.*!`.*`.*$/gm, 'Check the status first.'));
  }
  const generateTimes = [];
  for (let round = 0; round < rounds; round++) {
    rmSync(join(templates, '.claude'), { recursive: true, force: true });
    const run = time(process.execPath, [cli, 'generate', '--json'], templates);
    if (run.code !== 0) throw new Error(`ctxkit generate exited ${run.code}: ${run.stderr}${run.stdout.slice(0, 2000)}`);
    generateTimes.push(run.ms);
  }
  const generated = time(process.execPath, [cli, 'lint', '--format', 'json'], templates);
  const generatedReport = JSON.parse(generated.stdout);
  rows.push(['ctxkit generate', `${fileCount} templates`, median(generateTimes).toFixed(0), generateTimes.map((t) => t.toFixed(0)).join(' ')]);

  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(`Corpus: ${fileCount} command files, ${totalLines} lines (20 to 1,500 each); ${rounds} alternating rounds, whole processes.\n`);
  console.log(format(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(format(row));
  const ratio = ctxkitMedian / markdownlintMedian;
  console.log(`\nctxkit / markdownlint-cli2 = ${ratio.toFixed(2)} (goal <= 0.50: ${ratio <= 0.5 ? 'met' : 'NOT met'})`);
  console.log(`generated output: ${generatedReport.filesChecked} files, lint errors ${generatedReport.errorCount ?? JSON.stringify(generatedReport.summary ?? {})} (every command within 140 lines, every context file within 200)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
