/**
 * The marker that starts every block of context ctxkit injects. Claude Code saves injected context in the
 * transcript as an `attachment` line of type `hook_additional_context` whose `content[]` mixes the output of
 * every hook that fired; this marker is how `stats` tells ctxkit's own blocks (and their token cost) apart.
 * The injection code and the transcript reader must both import it from here.
 */
export const CTXKIT_CONTEXT_MARKER = '[ctxkit]';

/** Puts the marker in front of a block of context, unless it is already there. */
export function markCtxkitContext(text: string): string {
  return isCtxkitContext(text) ? text : `${CTXKIT_CONTEXT_MARKER} ${text}`;
}

/** True when a context string came from ctxkit: it begins (after white space) with the marker. */
export function isCtxkitContext(text: string): boolean {
  return text.trimStart().startsWith(CTXKIT_CONTEXT_MARKER);
}
