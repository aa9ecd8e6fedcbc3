// Selection speed: the UserPromptSubmit hook (whole process: start, read stdin, open the store, FTS5
// pre-selection, BM25 over the candidates, freshness hashes, packing, one JSON line) against a store
// holding 10,000 and 100,000 discoveries, as a ratio to a bare `node -e 0`; alternating, several
// rounds, medians. The 0 row is the same hook with an empty pool: the cost of the process and the store alone.
// Usage: npm run build && node scripts/bench/select.js [rounds] [--keep]  (--keep leaves the stores for profiling)
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRatio, timeProcess, versusBareNode } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'hooks', 'entry.cjs');
const { openSqliteStore } = await import(join(ROOT, 'dist', 'store', 'sqlite-store.js'));
const rounds = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 15);
const keep = process.argv.includes('--keep');
const FILES = 500;
// A vocabulary of 3,000 made-up words drawn with a Zipf distribution, as identifiers in real code are: a few
// words everywhere ("get", "config"), most of them rare.
const SYLLABLES = ['ba', 'ko', 'ri', 'tan', 'mel', 'vo', 'dis', 'pra', 'lu', 'zen', 'qui', 'sto', 'fer', 'gal', 'nor', 'xi', 'hap', 'cre', 'mon', 'tul'];
const WORDS = Array.from({ length: 3000 }, (_, i) => SYLLABLES[i % 20] + SYLLABLES[Math.floor(i / 20) % 20] + (i >= 400 ? SYLLABLES[Math.floor(i / 400) % 20] : ''));
const ZIPF = (() => {
  const weights = WORDS.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const zipfWord = () => WORDS[Math.min(WORDS.length - 1, ZIPF.findIndex((edge) => edge >= random()))];
const word = (i, k) => WORDS[(i * 7 + k * 13) % WORDS.length];
const camel = () => {
  const [a, b, c] = [zipfWord(), zipfWord(), zipfWord()];
  return `${a}${b[0].toUpperCase()}${b.slice(1)}${c[0].toUpperCase()}${c.slice(1)}`;
};
const blob = (text) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');

function populate(project, count) {
  const hashes = [];
  for (let f = 0; f < FILES; f++) {
    const text = Array.from({ length: 40 }, (_, line) => `export function ${camel()}(input: string) { return ${zipfWord()}(input); } // ${zipfWord()} ${zipfWord()}`).join('\n') + '\n';
    mkdirSync(join(project, `src/module-${f % 50}`), { recursive: true });
    writeFileSync(join(project, `src/module-${f % 50}/file-${f}.ts`), text);
    hashes.push(blob(text));
  }
  const { store } = openSqliteStore(join(project, '.ctxkit', 'ctxkit.db'));
  const db = store.database;
  const insert = db.prepare(
    `INSERT INTO discoveries (kind, key, tool_name, session_id, created_at, content_hash, raw_bytes, raw_tokens, summary, summary_tokens)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const session = `session-${i % 400}`;
      const at = now - (count - i) * 60_000;
      if (i % 10 < 7) {
        const f = i % FILES;
        const summary = Array.from({ length: 12 }, () => `export function ${camel()}(input: string) { return ${zipfWord()}(input); } // ${zipfWord()} ${zipfWord()}`).join('\n');
        insert.run('file', `src/module-${f % 50}/file-${f}.ts`, 'Read', session, at, hashes[f], 3000, 800, summary, 300);
      } else {
        const name = camel();
        const summary = `src/module-${i % 50}/file-${i % FILES}.ts:12: ${name}(${zipfWord()}) ${zipfWord()} ${zipfWord()} result ${i}`;
        insert.run('search', `${name} in src`, 'Grep', session, at, blob(summary), 400, 120, summary, 60);
      }
    }
  })();
  store.close();
}

for (const count of [0, 10_000, 100_000]) {
  const project = mkdtempSync(join(tmpdir(), 'ctxkit-select-'));
  try {
    const started = Date.now();
    populate(project, count);
    const populateMs = Date.now() - started;
    let injectedChars = 0;
    const env = { ...process.env, CTXKIT_DEBUG: '' };
    const result = versusBareNode(rounds, (round) => {
      const payload = JSON.stringify({ session_id: randomUUID(), cwd: project, hook_event_name: 'UserPromptSubmit', prompt: `How does ${camel()} handle the ${zipfWord()} ${zipfWord()} in ${WORDS[round * 3]} and ${WORDS[round * 5 + 1]}?` });
      const run = timeProcess(process.execPath, [ENTRY, 'UserPromptSubmit'], { input: `${payload}\n`, env });
      injectedChars = Math.max(injectedChars, run.stdout.length);
      return run;
    });
    console.log(`${formatRatio(`${String(count).padStart(7)} discoveries (filled in ${(populateMs / 1000).toFixed(1)} s)`, result, undefined, 40)} (${rounds} rounds; largest output ${injectedChars} chars)`);
  } finally {
    if (keep) console.log(`kept ${project}`);
    else rmSync(project, { recursive: true, force: true });
  }
}
