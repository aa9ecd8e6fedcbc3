import { estimateTokens } from '../tokens/estimate-tokens.js';

/** One item ready to render: a label line and a body that may be cut to fit. */
export interface PackItem<T = unknown> {
  ref: T;
  /** The body's cut may never go below this many tokens (a shorter item is not worth injecting). */
  minBodyTokens?: number;
  /** Renders the item with a body of at most `maxBodyTokens` (never more than the body has). */
  render: (maxBodyTokens: number) => { text: string; bodyTokens: number } | undefined;
}

export interface PackLimits {
  /** Whole block, header included, in ctxkit's offline token estimate. */
  budgetTokens: number;
  /** Hard cap on the block's characters (Claude Code collapses a value over 10,000). */
  maxChars: number;
  /** Tokens and characters to keep free for the header. */
  headerTokens: number;
  headerChars: number;
  /** Largest share of the budget one item may take (default: half). */
  maxItemShare?: number;
}

export interface Packed<T> {
  items: Array<{ ref: T; text: string; tokens: number; bodyTokens: number }>;
  tokens: number;
  chars: number;
  /** Items that did not fit. */
  left: T[];
}

/**
 * Greedy packing in the given (score) order: each item gets at most its share of the budget, cut
 * shorter when the room left is smaller, and is skipped when even its minimum does not fit; the
 * next, smaller items may still fit. Both the token budget and the character cap hold.
 */
export function packItems<T>(items: readonly PackItem<T>[], limits: PackLimits): Packed<T> {
  const packed: Packed<T> = { items: [], tokens: limits.headerTokens, chars: limits.headerChars, left: [] };
  const maxItem = Math.max(40, Math.floor(limits.budgetTokens * (limits.maxItemShare ?? 0.5)));
  for (const item of items) {
    const roomTokens = limits.budgetTokens - packed.tokens;
    const roomChars = limits.maxChars - packed.chars;
    const minBody = item.minBodyTokens ?? 20;
    let cap = Math.min(maxItem, roomTokens);
    let placed = false;
    // Shrink the body until the rendered item fits both limits (three tries, then give up on it).
    for (let attempt = 0; attempt < 4 && cap >= minBody; attempt++) {
      const rendered = item.render(cap);
      if (!rendered) break;
      const tokens = estimateTokens(rendered.text) + 1;
      const chars = rendered.text.length + 1;
      if (tokens <= roomTokens && chars <= roomChars) {
        packed.items.push({ ref: item.ref, text: rendered.text, tokens, bodyTokens: rendered.bodyTokens });
        packed.tokens += tokens;
        packed.chars += chars;
        placed = true;
        break;
      }
      const overTokens = tokens - roomTokens;
      const overChars = Math.ceil((chars - roomChars) / 3);
      cap = Math.min(cap, rendered.bodyTokens) - Math.max(overTokens, overChars, 8);
    }
    if (!placed) packed.left.push(item.ref);
  }
  return packed;
}
