// Hook start-up benchmark: whole-process hook invocations against a bare `node -e 0`, alternating,
// several rounds, medians and ratios. Goals: capture <= 1.3x bare node, prompt hook <= 1.5x.
// Usage: npm run build && node scripts/bench/hooks.js [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'hooks', 'entry.js');
const rounds = Number(process.argv[2] ?? 21);

function time(args, input, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 || result.stdout !== '') throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stdout}${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function compare(name, makeInput, env, goal) {
  const bare = [];
  const hook = [];
  for (let i = 0; i < rounds + 2; i++) {
    const b = time(['-e', '0'], '', {});
    const h = time([ENTRY, makeInput(i).event], makeInput(i).json, env);
    if (i >= 2) (bare.push(b), hook.push(h)); // the first two rounds warm the disk cache
  }
  const ratio = median(hook) / median(bare);
  console.log(`${name.padEnd(48)} bare ${median(bare).toFixed(1)} ms  hook ${median(hook).toFixed(1)} ms  ratio ${ratio.toFixed(2)}x  (goal <= ${goal}x) ${ratio <= goal ? 'ok' : 'OVER'}`);
}

const project = mkdtempSync(join(tmpdir(), 'ctxkit-bench-'));
try {
  const file = join(project, 'big.ts');
  const lines = Array.from({ length: 2000 }, (_, i) => `export const value${i} = ${i}; // line ${i + 1} of a generated module`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const content = `${lines.join('\n')}\n`;
  const env = { CLAUDE_PROJECT_DIR: project, CTXKIT_DEBUG: '' };
  const base = { session_id: 'bench-session', transcript_path: join(project, 't.jsonl'), cwd: project, permission_mode: 'default' };

  const read = (i) => ({
    event: 'PostToolUse',
    json: JSON.stringify({ ...base, hook_event_name: 'PostToolUse', tool_name: 'Read', tool_input: { file_path: file }, tool_response: { type: 'text', file: { filePath: file, content, numLines: 2001, startLine: 1, totalLines: 2001 } }, tool_use_id: `toolu_bench_${i}_${Date.now()}` }),
  });

  // Seed 10,000 discoveries through the built store module, as many sessions of work would leave them.
  const { openSqliteStore } = await import(join(ROOT, 'dist', 'store', 'sqlite-store.js'));
  const { store } = openSqliteStore(join(project, '.ctxkit', 'ctxkit.db'));
  const db = store.database;
  const insert = db.prepare(`INSERT INTO discoveries (kind, key, session_id, created_at, content_hash, raw_bytes, raw_tokens, summary, summary_tokens)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      const kind = ['file', 'search', 'command', 'web'][i % 4];
      insert.run(kind, `src/module${i % 700}/file${i}.ts`, `session-${i % 50}`, Date.now() - i * 1000, `hash${i}`, 4000, 1000, `function handler${i}() validates input ${i % 97} and writes the store; see module${i % 700}`, 30);
    }
  })();
  await store.close();

  const prompt = (i) => ({ event: 'UserPromptSubmit', json: JSON.stringify({ ...base, hook_event_name: 'UserPromptSubmit', prompt: `where does handler${i} validate input?` }) });

  console.log(`node ${process.version}, ${rounds} rounds each, medians (first 2 rounds discarded)`);
  compare('PostToolUse: capture a Read of a 2,000-line file', read, env, 1.3);
  compare('UserPromptSubmit: store of 10,000 discoveries', prompt, env, 1.5);

  // Hooks fail open (exit 0, no output) whatever happens: check the work really landed.
  const check = openSqliteStore(join(project, '.ctxkit', 'ctxkit.db')).store;
  const reads = check.database.prepare("SELECT count(*) FROM discoveries WHERE tool_use_id LIKE 'toolu_bench_%'").pluck().get();
  const prompts = check.database.prepare("SELECT prompts FROM sessions WHERE id = 'bench-session'").pluck().get();
  await check.close();
  const expected = rounds + 2;
  console.log(`landed: ${reads}/${expected} Read captures, ${prompts}/${expected} prompts`);
  if (reads !== expected || prompts !== expected) process.exitCode = 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
