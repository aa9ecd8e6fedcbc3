import { describe, expect, it } from 'vitest';
import { CTXKIT_CONTEXT_MARKER, isCtxkitContext, markCtxkitContext } from './marker.js';

describe('marker', () => {
  it('marks a block once and recognises it, also after leading white space', () => {
    const marked = markCtxkitContext('two facts');
    expect(marked).toBe(`${CTXKIT_CONTEXT_MARKER} two facts`);
    expect(markCtxkitContext(marked)).toBe(marked);
    expect(isCtxkitContext(`\n  ${marked}`)).toBe(true);
    expect(isCtxkitContext(`note: ${CTXKIT_CONTEXT_MARKER} quoted`)).toBe(false);
  });
});
