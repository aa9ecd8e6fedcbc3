import type { ApiErrorKind } from './transcript-summary.js';

const KINDS: ReadonlySet<string> = new Set<ApiErrorKind>([
  'rate_limit',
  'overloaded',
  'authentication_failed',
  'billing_error',
  'invalid_request',
  'model_not_found',
  'server_error',
  'max_output_tokens',
  'unknown',
]);

/**
 * Names an API failure in StopFailure's vocabulary. Claude Code 2.1 writes the kind itself (`error` on the
 * error message); older lines and retry notices only carry an HTTP status or the API's error text.
 */
export function classifyApiError(error: unknown, status?: number, text = ''): ApiErrorKind {
  if (typeof error === 'string' && KINDS.has(error)) return error as ApiErrorKind;
  if (status === 429) return 'rate_limit';
  if (status === 529) return 'overloaded';
  if (status === 401 || status === 403) return 'authentication_failed';
  if (status === 404) return 'model_not_found';
  if (status === 400 || status === 413) return 'invalid_request';
  if (status !== undefined && status >= 500) return 'server_error';
  if (/rate[_ ]limit|\b429\b/i.test(text)) return 'rate_limit';
  if (/overloaded|\b529\b/i.test(text)) return 'overloaded';
  return 'unknown';
}
