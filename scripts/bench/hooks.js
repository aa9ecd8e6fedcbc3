// Hook start-up benchmark: whole-process hook invocations against a bare `node -e 0`, alternating,
// several rounds, medians and ratios. Goals: capture <= 1.3x bare node, prompt hook <= 1.5x.
// Usage: npm run build && node scripts/bench/hooks.js [rounds]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRatio, timeProcess, versusBareNode } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'hooks', 'entry.cjs');
const rounds = Number(process.argv[2] ?? 31);

/** `env` is an object, or a function of the round for settings that change from run to run. */
function compare(name, makeInput, env, goal) {
  const result = versusBareNode(rounds, (round) => {
    const { event, json } = makeInput(round);
    const run = timeProcess(process.execPath, [ENTRY, event], { input: json, env: { ...process.env, ...(typeof env === 'function' ? env(round) : env) } });
    // A hook that printed something here failed to stay quiet (capture and this prompt inject nothing).
    if (run.stdout !== '' && event === 'PostToolUse') throw new Error(`PostToolUse printed: ${run.stdout}`);
    return run;
  });
  console.log(formatRatio(name, result, goal, 48));
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
  // Informational: the first run after an install or upgrade, before the V8 code cache exists (a new empty
  // cache folder each time; the goal applies to the steady state above).
  compare('UserPromptSubmit, no code cache yet', prompt, (round) => ({ ...env, CTXKIT_CODE_CACHE: join(project, 'code-cache', String(round)) }), undefined);

  // Hooks fail open (exit 0, no output) whatever happens: check the work really landed.
  const check = openSqliteStore(join(project, '.ctxkit', 'ctxkit.db')).store;
  const reads = check.database.prepare("SELECT count(*) FROM discoveries WHERE tool_use_id LIKE 'toolu_bench_%'").pluck().get();
  const prompts = check.database.prepare("SELECT prompts FROM sessions WHERE id = 'bench-session'").pluck().get();
  await check.close();
  const expected = rounds + 2;
  const expectedPrompts = 2 * expected;
  console.log(`landed: ${reads}/${expected} Read captures, ${prompts}/${expectedPrompts} prompts`);
  if (reads !== expected || prompts !== expectedPrompts) process.exitCode = 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
