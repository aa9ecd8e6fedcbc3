// Tokens saved in a real session pair: the scenario of session-pair-scenario.js through the real Claude Code CLI
// (node_modules/.bin/claude) and the Messages API stand-in, three times: without ctxkit, with ctxkit and guard `hint`,
// with ctxkit and guard `enforce`. Measures what Claude Code actually sent to the model in session 2 (the recorded
// request bodies), every figure estimated with ctxkit's one offline estimator:
//   rediscovery  tool results of session 2's re-reads of content unchanged since session 1 (main thread + subagent)
//   injected     every [ctxkit] block the model got in session 2 (prompt, subagent start, guard notes), counted once
//   net          rediscovery + injected: what session 2 spent on facts session 1 had already found
//   sent         all messages of all session-2 requests (a conversation re-sends its history, so this is the bill)
// Usage: npm run build && node scripts/bench/session-pair.js [--show]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIsolatedHome, runClaude } from '../messages-api/run-claude.js';
import {
  ALLOWED_TOOLS,
  EDIT_ID,
  LEGACY_MARKER,
  PROMPT_ONE,
  PROMPT_TWO,
  editBetweenSessions,
  injectedBlocks,
  measureSessionTwo,
  sessionOneScript,
  sessionPairFiles,
  sessionTwoScript,
  toolResults,
} from './session-pair-scenario.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { estimateTokens } = await import(join(ROOT, 'dist', 'tokens', 'estimate-tokens.js'));
const show = process.argv.includes('--show');

function makeRepo() {
  const path = realpathSync(mkdtempSync(join(tmpdir(), 'ctxkit-pair-')));
  for (const [file, content] of Object.entries(sessionPairFiles())) {
    mkdirSync(dirname(join(path, file)), { recursive: true });
    writeFileSync(join(path, file), content);
  }
  const git = (...args) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: path, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return path;
}

async function runPair(mode) {
  const repo = makeRepo();
  const home = makeIsolatedHome();
  try {
    if (mode !== 'none') {
      const install = spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxkit.js'), 'install'], { cwd: repo, env: { ...process.env, HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') }, encoding: 'utf8' });
      if (install.status !== 0) throw new Error(`ctxkit install failed: ${install.stderr}`);
      writeFileSync(join(repo, 'ctxkit.config.json'), JSON.stringify({ guard: { mode } }));
    }
    const one = await runClaude({ cwd: repo, home, prompt: PROMPT_ONE, script: sessionOneScript(repo), allowedTools: ALLOWED_TOOLS, timeoutMs: 90_000 });
    if (one.code !== 0) throw new Error(`session 1 (${mode}) exited ${one.code}: ${one.stderr}`);
    const config = join(repo, 'src/config/load-config.ts');
    writeFileSync(config, editBetweenSessions(readFileSync(config, 'utf8')));
    const two = await runClaude({ cwd: repo, home, prompt: PROMPT_TWO, script: sessionTwoScript(repo), allowedTools: ALLOWED_TOOLS, timeoutMs: 90_000 });
    if (two.code !== 0) throw new Error(`session 2 (${mode}) exited ${two.code}: ${two.stderr}`);
    const requests = two.modelRequests;
    const numbers = measureSessionTwo(requests, estimateTokens);
    const blocks = injectedBlocks(requests);
    const staleInjected = blocks.some((block) => block.includes(LEGACY_MARKER) || block.includes('src/config/load-config.ts (read by'));
    const editOk = toolResults(requests).get(EDIT_ID)?.isError === false;
    if (show) for (const block of blocks) console.log(`--- ${mode} injected block ---\n${block}\n`);
    return { mode, ...numbers, blocks: blocks.length, staleInjected, editOk };
  } finally {
    rmSync(repo, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

const rows = [];
for (const mode of ['none', 'hint', 'enforce']) rows.push(await runPair(mode));
const base = rows[0];
console.log('Session 2 of the pair, tokens (ctxkit estimate; same estimator for every run):');
console.log(`${'run'.padEnd(16)}${'rediscovery'.padStart(12)}${'injected'.padStart(10)}${'net'.padStart(9)}${'saved'.padStart(8)}${'sent'.padStart(10)}${'requests'.padStart(10)}  fresh  edit`);
for (const row of rows) {
  const saved = base.net === 0 ? 0 : (1 - row.net / base.net) * 100;
  const name = row.mode === 'none' ? 'without ctxkit' : `ctxkit ${row.mode}`;
  console.log(
    `${name.padEnd(16)}${String(row.rediscovery).padStart(12)}${String(row.injected).padStart(10)}${String(row.net).padStart(9)}${`${saved.toFixed(0)}%`.padStart(8)}${String(row.sent).padStart(10)}${String(row.requests).padStart(10)}  ${row.staleInjected ? 'NO ' : 'yes'}    ${row.editOk ? 'ok' : 'FAILED'}`,
  );
}
const enforce = rows[2];
const enforceSaved = (1 - enforce.net / base.net) * 100;
console.log(`enforce: ${enforceSaved.toFixed(0)}% fewer tokens spent on rediscovery, injected tokens counted against it (goal >= 60%) ${enforceSaved >= 60 ? 'ok' : 'UNDER'}`);
console.log(`enforce: everything sent in session 2 ${((1 - enforce.sent / base.sent) * 100).toFixed(0)}% less than without ctxkit`);
