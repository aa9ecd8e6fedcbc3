// @ts-check
// The session-pair scenario shared by tests/e2e/session-pair.test.ts (qualitative facts) and
// scripts/bench/session-pair.js (numbers): session 1 explores a small codebase (parallel Reads, a
// Grep, a Glob, a subagent that hands off), a file changes between sessions, then session 2 and a
// new subagent need the same facts again, and session 2 edits a file it has just Read.

/** Unique text in load-config.ts before the edit between sessions: it must never be injected afterwards. */
export const LEGACY_MARKER = 'LEGACY_LOADER_V1';
export const FRESH_MARKER = 'LOADER_V2';
/** The line session 2 edits (unique in its file). */
export const EDIT_OLD = "  db.pragma('journal_mode = WAL');";
export const EDIT_NEW = "  db.pragma('journal_mode = WAL'); // checked in session 2";

export const TASK_ONE = 'Explain how rankResults orders search hits and how tokenizeQuery splits the query';
export const TASK_TWO = 'Check how rankResults orders search hits before we change the ranking';

/**
 * A generated TypeScript module of about `count` helper functions around a real entry point.
 * @param {string} entry
 * @param {string} header
 * @param {number} count
 */
function moduleText(entry, header, count) {
  const lines = [`// ${entry}: generated sample module`, header];
  for (let i = 0; i < count; i++) {
    lines.push(`/** Step ${i} of ${entry}: combines the input with weight ${i * 7 + 3}. */`);
    lines.push(`export function ${entry}Step${i}(input: number, scale = ${i + 1}): number {`);
    lines.push(`  const weighted = input * scale + ${(i * 37) % 101};`);
    lines.push(`  return weighted > ${i * 11} ? weighted - ${i} : weighted + ${i};`);
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/** The repository both sessions work in. */
export function sessionPairFiles() {
  return {
    'src/store/open-database.ts': moduleText(
      'openDatabase',
      ["export function openDatabase(file: string) {", "  const db = connect(file);", EDIT_OLD, '  runMigrations(db);', '  return db;', '}'].join('\n'),
      45,
    ),
    'src/store/migrations.ts': moduleText('runMigrations', 'export function runMigrations(db: { version: number }) {\n  db.version += 1;\n}', 45),
    'src/config/load-config.ts': moduleText('loadConfig', `export function loadConfig(root: string) {\n  return { root, loader: '${LEGACY_MARKER}' };\n}`, 30),
    'src/search/rank-results.ts': moduleText('rankResults', 'export function rankResults(hits: string[]) {\n  return [...hits].sort();\n}', 40),
    'src/search/tokenize-query.ts': moduleText('tokenizeQuery', "export function tokenizeQuery(query: string) {\n  return query.split(/\\s+/);\n}", 40),
    'src/cli/main.ts': moduleText('main', 'export async function main(argv: string[]) {\n  return argv.length;\n}', 20),
    'README.md': '# sample\n\nA store, a search module and a CLI.\n',
  };
}

/** The edit made between the sessions (by a person, outside Claude Code): load-config.ts changes. */
export function editBetweenSessions(/** @type {string} */ text) {
  return text.replace(LEGACY_MARKER, FRESH_MARKER);
}

/** @param {string} repo @param {string} path */
const abs = (repo, path) => `${repo}/${path}`;

export const HANDOFF_ONE = [
  'rankResults sorts a copy of the hits alphabetically; tokenizeQuery splits on white space.',
  '',
  '## Handoff',
  '### Findings',
  '- rankResults returns [...hits].sort(): alphabetical, no scores',
  '- tokenizeQuery splits the query on /\\s+/',
  '### Files',
  '- src/search/rank-results.ts:1-5: rankResults and its 40 step helpers',
  '- src/search/tokenize-query.ts:1-5: tokenizeQuery',
  '### Decisions',
  '- none',
  '### Open questions',
  '- whether ranking should weigh matches (no scores exist yet)',
].join('\n');

export const HANDOFF_TWO = '## Handoff\n### Findings\n- rankResults is still alphabetical\n### Files\n- src/search/rank-results.ts:1-5: rankResults\n### Decisions\n- none\n### Open questions\n- none';

/**
 * Session 1: explore (4 parallel Reads, a Grep, a Glob), then delegate the search module to a subagent.
 * @param {string} repo
 * @returns {import('../messages-api/server.js').Script}
 */
export function sessionOneScript(repo) {
  return {
    rules: [
      {
        name: 's1-sub-read',
        when: { isSubagent: true, lastUserTextIncludes: TASK_ONE },
        reply: {
          toolUses: [
            { name: 'Read', id: 'toolu_s1_sub_rank', input: { file_path: abs(repo, 'src/search/rank-results.ts') } },
            { name: 'Read', id: 'toolu_s1_sub_tok', input: { file_path: abs(repo, 'src/search/tokenize-query.ts') } },
          ],
        },
      },
      { name: 's1-sub-report', when: { isSubagent: true, toolResultFor: 'toolu_s1_sub_rank' }, reply: { text: HANDOFF_ONE } },
      {
        name: 's1-explore',
        when: { isSubagent: false, lastUserTextIncludes: 'Explore the codebase' },
        reply: {
          toolUses: [
            { name: 'Read', id: 'toolu_s1_db', input: { file_path: abs(repo, 'src/store/open-database.ts') } },
            { name: 'Read', id: 'toolu_s1_mig', input: { file_path: abs(repo, 'src/store/migrations.ts') } },
            { name: 'Read', id: 'toolu_s1_cfg', input: { file_path: abs(repo, 'src/config/load-config.ts') } },
            { name: 'Read', id: 'toolu_s1_main', input: { file_path: abs(repo, 'src/cli/main.ts') } },
            { name: 'Grep', id: 'toolu_s1_grep', input: { pattern: 'export function \\w+Step1\\d', output_mode: 'content' } },
            { name: 'Glob', id: 'toolu_s1_glob', input: { pattern: 'src/**/*.ts' } },
          ],
        },
      },
      {
        name: 's1-delegate',
        when: { isSubagent: false, toolResultFor: 'toolu_s1_db' },
        reply: { toolUses: [{ name: 'Agent', id: 'toolu_s1_agent', input: { description: 'Explain ranking', prompt: TASK_ONE, subagent_type: 'general-purpose' } }] },
      },
      { name: 's1-answer', when: { isSubagent: false, toolResultFor: 'toolu_s1_agent' }, reply: { text: 'openDatabase runs migrations; ranking is alphabetical.' } },
    ],
  };
}

/** Session 2's Read/Grep/Glob calls of content unchanged since session 1: the rediscovery. */
export const REDISCOVERY_IDS = ['toolu_s2_db', 'toolu_s2_mig', 'toolu_s2_grep', 'toolu_s2_glob', 'toolu_s2_sub_rank', 'toolu_s2_sub_tok'];
/** Session 2's Read of the file that changed between sessions (new content, not a rediscovery). */
export const CHANGED_READ_ID = 'toolu_s2_cfg';
export const EDIT_ID = 'toolu_s2_edit';

/**
 * Session 2: the same questions again (3 Reads, one of a changed file, the Grep, the Glob), a new
 * subagent on an overlapping task that re-reads the search files, then an Edit of a file just Read.
 * @param {string} repo
 * @returns {import('../messages-api/server.js').Script}
 */
export function sessionTwoScript(repo) {
  return {
    rules: [
      {
        name: 's2-sub-read',
        when: { isSubagent: true, lastUserTextIncludes: TASK_TWO },
        reply: {
          toolUses: [
            { name: 'Read', id: 'toolu_s2_sub_rank', input: { file_path: abs(repo, 'src/search/rank-results.ts') } },
            { name: 'Read', id: 'toolu_s2_sub_tok', input: { file_path: abs(repo, 'src/search/tokenize-query.ts') } },
          ],
        },
      },
      { name: 's2-sub-report', when: { isSubagent: true, toolResultFor: 'toolu_s2_sub_rank' }, reply: { text: HANDOFF_TWO } },
      {
        name: 's2-revisit',
        when: { isSubagent: false, lastUserTextIncludes: 'Continue' },
        reply: {
          toolUses: [
            { name: 'Read', id: 'toolu_s2_db', input: { file_path: abs(repo, 'src/store/open-database.ts') } },
            { name: 'Read', id: 'toolu_s2_mig', input: { file_path: abs(repo, 'src/store/migrations.ts') } },
            { name: 'Read', id: CHANGED_READ_ID, input: { file_path: abs(repo, 'src/config/load-config.ts') } },
            { name: 'Grep', id: 'toolu_s2_grep', input: { pattern: 'export function \\w+Step1\\d', output_mode: 'content' } },
            { name: 'Glob', id: 'toolu_s2_glob', input: { pattern: 'src/**/*.ts' } },
          ],
        },
      },
      {
        name: 's2-delegate',
        when: { isSubagent: false, toolResultFor: 'toolu_s2_db' },
        reply: { toolUses: [{ name: 'Agent', id: 'toolu_s2_agent', input: { description: 'Check ranking', prompt: TASK_TWO, subagent_type: 'general-purpose' } }] },
      },
      {
        name: 's2-edit',
        when: { isSubagent: false, toolResultFor: 'toolu_s2_agent' },
        reply: { toolUses: [{ name: 'Edit', id: EDIT_ID, input: { file_path: abs(repo, 'src/store/open-database.ts'), old_string: EDIT_OLD, new_string: EDIT_NEW } }] },
      },
      { name: 's2-answer', when: { isSubagent: false, toolResultFor: EDIT_ID }, reply: { text: 'Edited openDatabase; ranking is still alphabetical.' } },
    ],
  };
}

export const PROMPT_ONE = 'Explore the codebase: how is the store opened (openDatabase, runMigrations), how is loadConfig used, and how does rankResults rank search hits?';
export const PROMPT_TWO = 'Continue where we left off: how does openDatabase run runMigrations, and how does rankResults order hits? Then mark the WAL pragma as checked.';
export const ALLOWED_TOOLS = ['Read', 'Grep', 'Glob', 'Bash', 'Agent', 'Edit'];

/**
 * @typedef {import('../messages-api/inspect-request.js').MessagesBody} MessagesBody
 * @typedef {{role: string | null, body: MessagesBody}} RequestLike
 */

/**
 * Every `[ctxkit]` block in the user messages' text (not inside tool results), each counted once.
 * @param {RequestLike[]} requests
 * @returns {string[]}
 */
export function injectedBlocks(requests) {
  const blocks = new Set();
  for (const request of requests) {
    for (const message of request.body.messages ?? []) {
      if (message.role !== 'user' || typeof message.content === 'string' || !Array.isArray(message.content)) continue;
      for (const block of message.content) {
        if (block.type !== 'text' || typeof block.text !== 'string') continue;
        for (const match of block.text.matchAll(/\[ctxkit\][\s\S]*?(?=<\/system-reminder>|$)/g)) blocks.add(match[0].trim());
      }
    }
  }
  return [...blocks];
}

/**
 * The first tool_result the model got for each tool_use id.
 * @param {RequestLike[]} requests
 * @returns {Map<string, {text: string, isError: boolean, role: string | null}>}
 */
export function toolResults(requests) {
  /** @type {Map<string, {text: string, isError: boolean, role: string | null}>} */
  const results = new Map();
  for (const request of requests) {
    for (const message of request.body.messages ?? []) {
      if (message.role !== 'user' || !Array.isArray(message.content)) continue;
      for (const block of message.content) {
        if (block.type !== 'tool_result' || typeof block.tool_use_id !== 'string' || results.has(block.tool_use_id)) continue;
        const content = block.content;
        const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('\n') : '';
        results.set(block.tool_use_id, { text, isError: block.is_error === true, role: request.role });
      }
    }
  }
  return results;
}

/**
 * Session 2's numbers, tokens estimated with one estimator for every run: rediscovery (the tool
 * results of re-reads of unchanged content, each counted once), what ctxkit injected (each block
 * once), and everything sent (every request's messages, repeats included).
 * @param {RequestLike[]} requests
 * @param {(text: string) => number} estimate
 */
export function measureSessionTwo(requests, estimate) {
  const results = toolResults(requests);
  const rediscovery = REDISCOVERY_IDS.reduce((sum, id) => sum + estimate(results.get(id)?.text ?? ''), 0);
  const injected = injectedBlocks(requests).reduce((sum, block) => sum + estimate(block), 0);
  const sent = requests.reduce((sum, request) => sum + estimate(JSON.stringify(request.body.messages ?? [])), 0);
  return { rediscovery, injected, net: rediscovery + injected, sent, requests: requests.length };
}
