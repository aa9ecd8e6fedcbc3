import { lineSeverity } from '../../compress/line-severity.js';
import { terminalLines } from '../../compress/terminal-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import type { FamilyOptions, FamilyResult } from './family-result.js';
import { selectLines, type LineRole } from './select-lines.js';

// Runner formats: vitest, jest, mocha, node --test (tap and spec), pytest, go test, cargo test, mix test, rspec, phpunit.
const PASS = [
  /^\s*(?:✓|✔|√)\s/, // vitest, mocha, node spec, jest verbose
  /^\s*ok \d+\b/, // TAP
  /^\s*--- PASS: /, // go
  /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\s)/, // go -v
  /^test \S.* \.\.\. (?:ok|ignored)$/, // cargo
  /^\s*PASS\s+\S/, // jest file
  /\bPASSED(?:\s+\[\s*\d+%\])?\s*$/, // pytest -v
  /^\S+\.py\s+[.sx]+\s*(?:\[\s*\d+%\])?$/, // pytest progress without failures
  /^\s*# Subtest: /, // TAP subtest header (its ok / not ok line follows)
  /^\s*▶ /, // node spec suite start
];
const NOISE = [/^\s*[.*sS]+\s*(?:\d+ \/ \d+ \(\s*\d+%\))?$/, /^\s*[.FEsS*]+\s+\d+ \/ \d+ \(\s*\d+%\)$/, /^\s*duration_ms: [\d.]+$/, /^\s*(?:---|\.\.\.)$/, /^\s*type: '(?:test|suite)'$/];
const FAILURE_HEAD = [
  /^\s*(?:✗|✖|×|❌|✘)\s/, // vitest, node spec, mocha-like
  /^\s*not ok \d+\b/, // TAP
  /^\s*--- FAIL: /, // go
  /^FAIL\b/, // jest file, go package
  /\sFAIL\s/, // vitest FAIL line
  /^test \S.* \.\.\. FAILED$/, // cargo
  /^FAILED\s/, // pytest short summary
  /^ERROR\s+\S+::/, // pytest errors in short summary
  /^\s*\d+\) \S/, // mocha, rspec, mix, phpunit numbered failures
  /^\s*● /, // jest failing test
  /^_{3,} .+ _{3,}$/, // pytest failure section
  /^---- \S+ stdout ----$/, // cargo
  /^thread '.*' panicked at /, // cargo
  /^rspec \.\/\S+:\d+/, // rspec failed examples
];
const SUMMARY = [
  /^\s*(?:Test Files|Tests|Duration|Snapshots|Test Suites|Time):?\s+\d/, // vitest, jest
  /^\s*Tests:\s+\d/, // jest
  /^\s*[#ℹ] (?:tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) \d/, // node
  /^\s*\d+ (?:passing|failing|pending)\b/, // mocha
  /^=+ .*\b(?:passed|failed|errors?|skipped|deselected|no tests ran)\b.*=+$/, // pytest
  /^=+ (?:FAILURES|ERRORS|short test summary info) =+$/, // pytest sections
  /^(?:ok|FAIL)\s+\S+\s+(?:[\d.]+s|\(cached\))/, // go package result
  /^(?:PASS|FAIL)$/, // go
  /^test result: /, // cargo
  /^running \d+ tests?$/, // cargo
  /^error: test failed\b/, // cargo
  /^\d+ (?:tests?|doctests?|properties|examples?)(?:, \d+ \w+)*/, // mix, rspec
  /^Finished in [\d.]+/, // mix, rspec
  /^(?:FAILURES!|OK \(\d+ tests?|Tests: \d+, Assertions: \d+)/, // phpunit
  /^There (?:was|were) \d+ (?:failures?|errors?)/, // phpunit
  /^(?:Failures|Failed examples|failures):$/, // rspec, cargo
];
const LOCATION = /(?:^|[\s(@])[\w./\\-]+\.\w+:\d+(?::\d+)?\b|\bline \d+\b/;
// Frames inside dependencies or the runtime; `at Object.<anonymous> (src/x.test.ts:4:2)` is user code and stays.
const VENDOR = /node_modules[/\\]|\((?:node:|internal\/)|^\s*at .*\(?node:|File ".*site-packages|^\s+at (?:java|javax|jdk|sun)\./;

// One alternation per list: a single regex test per line is several times faster than a loop over the list.
// Patterns anchored at the line start go in one alternation tried at the start only; the few that may match
// anywhere go in another (one unanchored alternative makes V8 try every alternative at every position).
const alternation = (patterns: readonly RegExp[]) => (patterns.length === 0 ? undefined : new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|')));
const combine = (patterns: readonly RegExp[]) => {
  const anchored = patterns.filter((pattern) => pattern.source.startsWith('^'));
  return { anchored: alternation(anchored), floating: alternation(patterns.filter((pattern) => !anchored.includes(pattern))) };
};
const COMBINED = new Map<readonly RegExp[], ReturnType<typeof combine>>([PASS, NOISE, FAILURE_HEAD, SUMMARY].map((list) => [list, combine(list)]));
const matches = (patterns: readonly RegExp[], line: string) => {
  const { anchored, floating } = COMBINED.get(patterns)!;
  return (anchored?.test(line) ?? false) || (floating?.test(line) ?? false);
};

/**
 * Roles for the lines of a test run: passing cases and progress are left out (counted), failing
 * test names and summaries are kept, and the lines after a failure are its detail until the next
 * passing case. Runner-agnostic: it reads the shapes of the common runners.
 */
export function testLineRoles(lines: readonly string[]): { roles: LineRole[]; detailRank: number[] } {
  const roles: LineRole[] = [];
  const detailRank: number[] = [];
  let inFailure = false;
  let sinceFailure = 0;
  let inPassYaml = false;
  let detailsSeen = 0;
  let locationSeen = false;
  for (const line of lines) {
    let role: LineRole;
    if (line.trim() === '') role = 'plain';
    else if (matches(SUMMARY, line)) role = 'must';
    else if (matches(FAILURE_HEAD, line)) {
      role = 'must';
      inFailure = true;
      inPassYaml = false;
      sinceFailure = 0;
      detailsSeen = 0;
      locationSeen = false;
    } else if (matches(PASS, line)) {
      role = 'pass';
      inFailure = false;
      inPassYaml = /^\s*ok \d+\b/.test(line);
    } else if (inPassYaml && /^\s+\S/.test(line)) role = 'pass';
    else if (matches(NOISE, line)) role = 'noise';
    else if (inFailure) {
      sinceFailure++;
      if (VENDOR.test(line)) role = 'noise';
      else if (lineSeverity(line) === 'error') role = 'error';
      else if (detailsSeen < 2 && !/^\s*(?:\d+\s*\||[|^~]+\s*$)/.test(line)) {
        // A failure's message: its first two lines stay whatever the budget.
        role = 'must';
        detailsSeen++;
      } else role = 'detail';
      if (!locationSeen && LOCATION.test(line) && !VENDOR.test(line)) {
        role = 'must';
        locationSeen = true;
      }
    } else role = lineSeverity(line) === 'error' ? 'error' : lineSeverity(line) === 'warn' ? 'warn' : 'plain';
    // The first lines of a failure carry its message and location: those go first.
    detailRank.push(inFailure ? Math.max(0, 200 - sinceFailure * 20) + (LOCATION.test(line) ? 150 : 0) : 0);
    roles.push(role);
  }
  return { roles, detailRank };
}

/**
 * Test-run reducer: failures with their messages and locations, the summary and the last lines,
 * with passing cases collapsed into a count.
 */
export function reduceTest(text: string, options: FamilyOptions = {}): FamilyResult {
  const lines = terminalLines(text);
  const { roles, detailRank } = testLineRoles(lines);
  const selection = selectLines(lines, roles, {
    budgetTokens: options.budgetTokens,
    labels: { pass: 'lines of passing tests', noise: 'progress and timing lines' },
    detailPriority: (index) => detailRank[index],
  });
  return { text: selection.text, family: 'test', tokensBefore: estimateRawTokens(text), tokensAfter: estimateTokens(selection.text) };
}
