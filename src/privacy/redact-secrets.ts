import { escapeRegExp } from '../text/escape-reg-exp.js';

/**
 * Secret redaction before anything reaches the store. Each rule names the kind of secret it found,
 * so a stored text says `[REDACTED:github-token]` instead of silently losing a line. The rules err
 * towards redacting: a stored summary with one value too many hidden costs little, a leaked key a lot.
 */
export interface RedactionRule {
  kind: string;
  pattern: RegExp;
  /** Builds the replacement from the match groups; by default the whole match becomes the marker. */
  replace?: (marker: string, ...groups: string[]) => string;
  /**
   * Substrings at least one of which every match contains (in lower case when `hintsIgnoreCase`): a text
   * with none of them skips the rule without running its pattern, which is most texts for most rules.
   * Compiling fourteen patterns costs a hook more than the rest of capturing a small output.
   */
  hints?: readonly string[];
  hintsIgnoreCase?: boolean;
}

const marker = (kind: string) => `[REDACTED:${kind}]`;

// Values that are clearly not secrets (placeholders, references, already redacted) stay readable.
const PLACEHOLDER = /^(?:\[REDACTED|\$\{|\$[A-Z_]|<[^>]*>$|\*+$|x+$|\.\.\.$|changeme$|null$|none$|true$|false$|undefined$|""$|''$)/i;

function keepPlaceholder(value: string, replacement: string): string {
  return PLACEHOLDER.test(value) ? value : replacement;
}

export const redactionRules: readonly RedactionRule[] = [
  {
    kind: 'private-key',
    // An unterminated block is redacted to the end of the text: half a key is still a key.
    pattern: /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY(?: BLOCK)?-----|$(?![\s\S]))/g,
    hints: ['PRIVATE KEY'],
  },
  { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g, hints: ['sk-ant-'] },
  { kind: 'api-key', pattern: /\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_-]{20,}/g, hints: ['sk-'] },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'] },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g, hints: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA'] },
  { kind: 'slack-token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g, hints: ['xox'] },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, hints: ['AIza'] },
  { kind: 'stripe-key', pattern: /\b[rs]k_(?:live|test)_[0-9A-Za-z]{16,}/g, hints: ['k_live_', 'k_test_'] },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, hints: ['npm_'] },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, hints: ['eyJ'] },
  {
    kind: 'url-password',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)@/gi,
    hints: ['://'],
    replace: (m, prefix, password) => `${prefix}${keepPlaceholder(password, m)}@`,
  },
  {
    kind: 'bearer-token',
    pattern: /\b(Bearer|Basic|Token)(\s+)([A-Za-z0-9._~+/-]{12,}=*)/g,
    hints: ['Bearer', 'Basic', 'Token'],
    replace: (m, scheme, space, value) => `${scheme}${space}${keepPlaceholder(value, m)}`,
  },
  {
    kind: 'env',
    // Environment-style assignments (`API_KEY=...`, `export DB_PASSWORD="..."`): upper-case names only,
    // so source code such as `token = readToken()` stays intact.
    pattern:
      /(?<![A-Za-z0-9_])((?:[A-Z][A-Z0-9_]*)?(?:API_?KEY|SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?|AUTH)[A-Z0-9_]*)(\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'`]+)/g,
    hints: ['KEY', 'SECRET', 'TOKEN', 'PASSW', 'CREDENTIAL', 'AUTH'],
    replace: (m, name, sep, value) => {
      const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
      const inner = quote ? value.slice(1, -1) : value;
      return `${name}${sep}${quote}${inner.length === 0 ? '' : keepPlaceholder(inner, m)}${quote}`;
    },
  },
  {
    kind: 'secret-field',
    // JSON/YAML fields with a secret-sounding name and a quoted literal value.
    pattern:
      /(["']?)\b(password|passwd|secret|client_secret|api_key|apikey|access_token|refresh_token|auth_token|private_key)\1(\s*[:=]\s*)(["'])([^"'\n]{1,})\4/gi,
    hints: ['passw', 'secret', 'api_key', 'apikey', '_token', 'private_key'],
    hintsIgnoreCase: true,
    replace: (m, q, name, sep, quote, value) => `${q}${name}${q}${sep}${quote}${keepPlaceholder(value, m)}${quote}`,
  },
];

interface HintScanner {
  pattern: RegExp;
  /** Each hint with the hints it contains (`PRIVATE KEY` holds `KEY`, `sk-ant-` holds `sk-`). */
  within: Map<string, string[]>;
}

/** One alternation of every hint (and one of the case-blind ones), compiled once per rule list. */
const hintScanners = new WeakMap<readonly RedactionRule[], HintScanner[]>();

function scannersOf(rules: readonly RedactionRule[]): HintScanner[] {
  let scanners = hintScanners.get(rules);
  if (!scanners) {
    scanners = [false, true].flatMap((ignoreCase) => {
      const hints = [...new Set(rules.filter((rule) => Boolean(rule.hintsIgnoreCase) === ignoreCase).flatMap((rule) => rule.hints ?? []))];
      if (hints.length === 0) return [];
      const within = new Map(hints.map((hint) => [hint, hints.filter((other) => hint.includes(other))]));
      return [{ pattern: new RegExp(hints.map(escapeRegExp).join('|'), ignoreCase ? 'gi' : 'g'), within }];
    });
    hintScanners.set(rules, scanners);
  }
  return scanners;
}

/**
 * The hints that occur in `text` (case-blind ones in lower case): one scan for all of them, where a search
 * per hint would read a megabyte of output thirty times. The scan resumes one character after each match
 * start, so a hint that overlaps another is found as well.
 */
function presentHints(text: string, rules: readonly RedactionRule[]): Set<string> {
  const present = new Set<string>();
  for (const { pattern, within } of scannersOf(rules)) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const hint = pattern.ignoreCase ? match[0].toLowerCase() : match[0];
      for (const contained of within.get(hint) ?? [hint]) present.add(contained);
      pattern.lastIndex = match.index + 1;
    }
  }
  return present;
}

/**
 * Redacts every secret the rules recognise; returns the text and how many values were replaced. A rule
 * whose hints are all absent is skipped (the hints are looked for once, in the text as given: a
 * replacement only ever removes text, and its marker is no secret).
 */
export function redactSecrets(text: string, rules: readonly RedactionRule[] = redactionRules): { text: string; count: number } {
  let count = 0;
  let result = text;
  const present = presentHints(text, rules);
  for (const rule of rules) {
    if (rule.hints && !rule.hints.some((hint) => present.has(hint))) continue;
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(result)) continue;
    rule.pattern.lastIndex = 0;
    const label = marker(rule.kind);
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((group) => (typeof group === 'string' ? group : '')) as string[];
      const replaced = rule.replace ? rule.replace(label, ...groups) : label;
      if (replaced !== match) count++;
      return replaced;
    });
  }
  return { text: result, count };
}
