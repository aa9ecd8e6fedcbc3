/** How much a log line matters when the budget is tight. */
export type LineSeverity = 'error' | 'warn' | 'summary' | 'vendor' | 'plain';

const ERROR =
  /\b(?:errors?|err!?|fail(?:s|ed|ure|ures|ing)?|fatal|exceptions?|panic(?:ked)?|traceback|abort(?:ed)?|segmentation fault|uncaught|unhandled|denied|refused|cannot|unable to)\b|\w+(?:Error|Exception)\b|\b[A-Z]{1,5}\d{3,}\b|[✗✖❌]|^\s*E\s{2,}/i;
const WARN = /\bwarn(?:ing|ings)?\b|\bdeprecated\b|⚠/i;
const SUMMARY = /\b(?:passed|succeeded|success(?:ful)?|done|finished|completed|total|summary|tests?:|exit(?:ed)? (?:code|with)|took|elapsed)\b|[✓✔]/i;
// Stack frames inside dependencies or the runtime say little about the failing code.
const VENDOR = /^\s*(?:at\s.*(?:node_modules|node:internal|internal\/|<anonymous>)|File ".*(?:site-packages|lib\/python\d)|at (?:java|javax|jdk|sun|org\.junit)\.)/;

/** Classifies a line; vendor stack frames are checked first so a frame never counts as an error. */
export function lineSeverity(line: string): LineSeverity {
  if (VENDOR.test(line)) return 'vendor';
  if (ERROR.test(line)) return 'error';
  if (WARN.test(line)) return 'warn';
  if (SUMMARY.test(line)) return 'summary';
  return 'plain';
}
