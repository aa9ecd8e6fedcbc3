import { isPathLine } from '../compress/glob.js';
import { isGrepOutput } from '../compress/grep.js';
import { isJsonText } from '../compress/json.js';
import type { Family } from './families/family-result.js';

export interface FamilyHints {
  /** Claude Code tool name. */
  toolName: string;
  /** Bash command line. */
  command?: string;
}

// Tool names as they appear anywhere in a command line (after pipes, `&&`, `npx`, env assignments).
const COMMAND_FAMILIES: Array<[RegExp, Family]> = [
  [/\b(?:vitest|jest|mocha|ava|tap|pytest|py\.test|phpunit|rspec|node\s+(?:--\S+\s+)*--test|go\s+test|cargo\s+(?:\+\S+\s+)?(?:test|nextest)|mix\s+test|deno\s+test|bun\s+test|(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test\b|python\d?\s+-m\s+(?:pytest|unittest))\b/, 'test'],
  [/\b(?:eslint|tsc|vue-tsc|ruff\s+check|ruff(?=\s|$)|mypy|pyright|flake8|pylint|cargo\s+clippy|clippy-driver|golangci-lint|go\s+vet|staticcheck|stylelint|biome\s+(?:check|lint)|oxlint|shellcheck|rubocop|phpstan|(?:npm|pnpm|yarn)\s+(?:run\s+)?(?:lint|typecheck|type-check|check-types))\b/, 'lint'],
  [/\bgit\s+(?:-\S+\s+)*(?:diff|log|show|status|commit|merge|rebase|push|pull|fetch|clone|cherry-pick|stash|blame|shortlog|reflog)\b/, 'git'],
  [/(?:^|[|;&(]\s*|\bxargs\s+)(?:grep|egrep|rg|ag|ack|git\s+grep)\b/, 'grep'],
  [/(?:^|[|;&(]\s*)(?:ls|find|tree|fd|fdfind|exa|eza|git\s+ls-files|rg\s+--files)\b/, 'listing'],
  [/\b(?:npm|pnpm|yarn|bun)\s+(?:install|i|ci|add|update|upgrade|remove|run\s+build|build|pack|publish|audit)\b|\b(?:pip3?|uv|poetry|pipenv)\s+(?:install|sync|lock|add)\b|\bcargo\s+(?:build|check|run|install|update|fetch)\b|\b(?:make|cmake|ninja|gradle|gradlew|mvn|msbuild|webpack|vite\s+build|esbuild|rollup|tsup|parcel|turbo|nx|bazel|docker\s+build|go\s+(?:build|mod|get|install)|bundle\s+install|composer\s+(?:install|update)|mix\s+(?:deps\.get|compile))\b/, 'build'],
  [/\b(?:curl|wget|http|httpie|xh|gh\s+api|gh\s+\S+\s+\S+.*--json|jq|aws|gcloud|az|kubectl\s+get\s+.*-o\s*json)\b/, 'json'],
];

const TEST_OUTPUT = [
  /^\s*(?:Test Files|Tests)\s+\d+ (?:failed|passed)/m,
  /^Tests:\s+\d+/m,
  /^[#ℹ] (?:tests|pass|fail) \d+$/m,
  /^\s*\d+ passing\b/m,
  /^=+ .*\b\d+ (?:passed|failed)\b.* in [\d.]+s/m,
  /^test result: (?:ok|FAILED)\./m,
  /^--- (?:FAIL|PASS): /m,
  /^(?:ok|FAIL)\s+\S+\s+[\d.]+s$/m,
  /^\d+ (?:tests?|examples?), \d+ failures?/m,
  /^(?:FAILURES!|OK \(\d+ tests?)/m,
  /^not ok \d+ /m,
];
const LINT_LINE = /^(?:.+?\(\d+,\d+\): (?:error|warning) TS\d+|.+?:\d+:\d+ - (?:error|warning) TS\d+|.+?:\d+(?::\d+)?: (?:error|warning|note): |.+?:\d+:\d+: [A-Z]{1,4}\d{2,4} |\s+\d+:\d+\s+(?:error|warning)\s+.*\s{2,}[\w@/-]+$|(?:warning|error)(?:\[\w+\])?: .*\n\s*--> )/gm;
const GIT_OUTPUT = /^(?:diff --git |commit [0-9a-f]{40}\b|On branch |\[[\w/.-]+ [0-9a-f]{7,}\] )/m;

/** Grep output sniffed without a grep command: `path:line:` where the path looks like a file, not a timestamp. */
function isFileGrep(text: string): boolean {
  if (!isGrepOutput(text)) return false;
  const lines = text.split('\n', 200).filter((line) => line.trim() !== '');
  return lines.filter((line) => /^(?!\d{4}-\d\d-\d\d)[^\s:]*[/.][^\s:]*:\d+:/.test(line)).length >= lines.length * 0.6;
}

/**
 * Which reducer fits an output, from the tool, the command (pipes and scripts included) and the
 * output itself. The output decides when it is unmistakable (a test summary, many compiler
 * diagnostics, a diff), because `npm run check` or `./ci.sh` can print anything; the command
 * decides otherwise, and plain logs are the fallback.
 */
export function detectFamily(text: string, hints: FamilyHints): Family {
  const tool = hints.toolName;
  if (tool === 'Glob') return 'listing';
  if (tool === 'Grep') return isGrepOutput(text) ? 'grep' : 'listing';
  if (tool === 'WebFetch') return isJsonText(text) ? 'json' : 'web';
  if (tool === 'Read') return 'code';
  if (isJsonText(text)) return 'json';
  const sample = text.length > 400_000 ? `${text.slice(0, 200_000)}\n${text.slice(-200_000)}` : text;
  const fromCommand = hints.command === undefined ? undefined : COMMAND_FAMILIES.find(([pattern]) => pattern.test(hints.command!))?.[1];
  // A diff or log carries other tools' output as content (test names, diagnostics): its own shape goes first.
  if (/^(?:diff --git |commit [0-9a-f]{40}\b)/.test(sample.trimStart()) || (fromCommand === 'git' && GIT_OUTPUT.test(sample))) return 'git';
  if (TEST_OUTPUT.some((pattern) => pattern.test(sample))) return 'test';
  const lintLines = sample.match(LINT_LINE)?.length ?? 0;
  if (fromCommand === 'lint' || lintLines >= 3) return 'lint';
  if (fromCommand === 'test') return 'test';
  if (GIT_OUTPUT.test(sample) && fromCommand === undefined) return 'git';
  if (fromCommand === 'grep' || isFileGrep(sample)) return isGrepOutput(sample) ? 'grep' : 'log';
  const lines = sample.split('\n').filter((line) => line.trim() !== '');
  const pathShare = lines.filter(isPathLine).length / Math.max(1, lines.length);
  if (fromCommand === 'listing' || pathShare >= 0.8) return 'listing';
  if (fromCommand === 'git') return 'git';
  if (fromCommand === 'build') return 'build';
  return 'log';
}
