import { redactSecrets } from './redact-secrets.js';
import { stripPrivate } from './strip-private.js';

/** Everything stored passes through here: private spans dropped first, then secrets redacted. */
export function sanitizeText(text: string): string {
  return redactSecrets(stripPrivate(text).text).text;
}
