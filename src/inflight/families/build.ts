import { lineSeverity } from '../../compress/line-severity.js';
import { terminalLines } from '../../compress/terminal-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import type { FamilyOptions, FamilyResult } from './family-result.js';
import { selectLines, type LineRole } from './select-lines.js';

// Progress chatter of package managers, compilers and bundlers: it says nothing once the command is done.
const PROGRESS = [
  /^\s*(?:Compiling|Checking|Downloading|Downloaded|Fetching|Fetched|Updating|Locking|Adding|Resolving|Installing|Collecting|Using cached|Obtaining|Preparing|Building wheel|Created wheel|Stored in directory|Processing|Unpacking|Documenting|Blocking|Packaging|Verifying|Archiving|Running|Linking)\b/,
  /^\s*(?:Progress|Packages): /, // pnpm
  /^(?:npm (?:http|sill|verb|timing)|idealTree|reify|\[#+\.*\])/, // npm log levels, progress bar
  /^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏|/\\-]\s/, // spinners
  /^\s*\d{1,3}%\s/, // percentage progress
  /^make(?:\[\d+\])?: (?:Entering|Leaving) directory/,
  /^\s*(?:CC|CXX|LD|AR|AS|GEN|INSTALL)\s+\S+$/, // kbuild-style lines
  /^\s*(?:transforming|rendering chunks|computing gzip size|✓ \d+ modules transformed)/, // vite
  /^\s*Requirement already satisfied:/, // pip
  /^\s*(?:asset|cacheable modules|orphan modules|runtime modules|modules by path|\.\/\S+ \d+(?:\.\d+)? [kKM]?i?B)\b/, // webpack stats
];
const RESULT = [
  /^(?:added|removed|changed|audited|up to date)\b.*\b(?:packages?|in \d)/, // npm
  /^\d+ packages? (?:are looking for funding|installed)/,
  /\bfound \d+ vulnerabilit/,
  /^(?:Done|✨\s*Done) in [\d.]+m?s/, // yarn
  /^Successfully (?:installed|built|uninstalled)/, // pip
  /^\s*Finished `?\w+`? (?:profile|release|dev)/, // cargo
  /^(?:webpack .*compiled|compiled (?:successfully|with)|Compiled (?:successfully|with))/, // webpack
  /\bbuilt in [\d.]+m?s\b/, // vite
  /^⚡?\s*Done in \d/, // esbuild
  /^(?:BUILD (?:SUCCESSFUL|FAILED)|Build (?:succeeded|failed|complete))/i,
  /^make(?:\[\d+\])?: \*\*\*/, // make failure
  /^(?:npm (?:ERR|error)!? code\b|npm (?:ERR|error)!? A complete log)/,
  /^(?:ERROR|error): .*(?:failed|could not|aborting)/i,
  /^\d+ (?:warnings?|errors?)(?: and \d+ (?:warnings?|errors?))? (?:generated|found)/,
];

/** Roles for the lines of an install, build or bundle: progress left out, warnings and errors by template, the result kept. */
export function buildLineRoles(lines: readonly string[]): LineRole[] {
  return lines.map((line) => {
    if (line.trim() === '') return 'plain';
    if (RESULT.some((pattern) => pattern.test(line.trim()))) return 'must';
    const severity = lineSeverity(line);
    if (severity === 'error') return 'error';
    if (severity === 'warn') return 'warn';
    if (PROGRESS.some((pattern) => pattern.test(line))) return 'noise';
    return 'plain';
  });
}

/**
 * Package-manager, build and bundler reducer (npm, pnpm, yarn, pip, cargo, make, webpack, vite,
 * esbuild): warnings and errors (one example per template with a count), the result lines and the
 * tail, without progress noise.
 */
export function reduceBuild(text: string, options: FamilyOptions = {}): FamilyResult {
  const lines = terminalLines(text);
  const selection = selectLines(lines, buildLineRoles(lines), { budgetTokens: options.budgetTokens, labels: { noise: 'progress lines' } });
  return { text: selection.text, family: 'build', tokensBefore: estimateRawTokens(text), tokensAfter: estimateTokens(selection.text) };
}
