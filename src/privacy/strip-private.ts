/**
 * Removes `<private>…</private>` spans: the user marked them as never to be kept. An opening tag
 * without a closing one hides everything after it, since we cannot tell where the private part ends.
 */
const PRIVATE_SPAN = /<private>[\s\S]*?(?:<\/private>|$(?![\s\S]))/gi;

export function stripPrivate(text: string): { text: string; count: number } {
  if (!/<private>/i.test(text)) return { text, count: 0 };
  let count = 0;
  const result = text.replace(PRIVATE_SPAN, () => {
    count++;
    return '[REDACTED:private]';
  });
  return { text: result, count };
}
