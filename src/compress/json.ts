import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutAtWord } from './cut-at-word.js';
import { collapsedMarker, moreMarker } from './markers.js';
import { reduceText } from './text.js';
import type { ReduceOptions, ReduceResult } from './types.js';

interface PruneLimits {
  maxItems: number;
  maxErrorItems: number;
  maxString: number;
  maxDepth: number;
}

// With a budget, the loosest level that fits wins; without one, DEFAULT_LEVEL applies.
const LEVELS: PruneLimits[] = [
  { maxItems: 100, maxErrorItems: 100, maxString: 400, maxDepth: 10 },
  { maxItems: 30, maxErrorItems: 50, maxString: 200, maxDepth: 8 },
  { maxItems: 10, maxErrorItems: 30, maxString: 160, maxDepth: 7 },
  { maxItems: 5, maxErrorItems: 20, maxString: 120, maxDepth: 6 },
  { maxItems: 3, maxErrorItems: 20, maxString: 120, maxDepth: 6 },
  { maxItems: 2, maxErrorItems: 10, maxString: 80, maxDepth: 5 },
  { maxItems: 1, maxErrorItems: 5, maxString: 60, maxDepth: 4 },
  { maxItems: 1, maxErrorItems: 3, maxString: 40, maxDepth: 3 },
  { maxItems: 0, maxErrorItems: 2, maxString: 30, maxDepth: 2 },
  { maxItems: 0, maxErrorItems: 1, maxString: 20, maxDepth: 1 },
];
const DEFAULT_LEVEL = 4;

const ERROR_ITEM = /fail|error|warn/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isEmpty(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * True when an array item reports a problem: a string value mentioning fail/error/warn, or such a
 * key with a non-empty value (`"errorCode": null` on every item is not a signal).
 */
function hasErrorSignal(value: Json): boolean {
  if (typeof value === 'string') return ERROR_ITEM.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasErrorSignal);
  return Object.entries(value).some(
    ([key, child]) => (ERROR_ITEM.test(key) && !isEmpty(child) && child !== false && child !== 0) || hasErrorSignal(child),
  );
}

function prune(value: Json, depth: number, limits: PruneLimits): Json | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'string') return cutAtWord(value, limits.maxString);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (depth >= limits.maxDepth) return collapsedMarker(value.length, 'items');
    const items = value.filter((item) => !isEmpty(item));
    const kept: Json[] = [];
    let errorItems = 0;
    items.forEach((item, index) => {
      const isError = errorItems < limits.maxErrorItems && hasErrorSignal(item);
      if (index >= limits.maxItems && !isError) return;
      if (index >= limits.maxItems) errorItems++;
      const pruned = prune(item, depth + 1, limits);
      if (pruned !== undefined) kept.push(pruned);
    });
    if (kept.length < items.length) kept.push(moreMarker(items.length - kept.length, items.length));
    return kept.length === 0 ? undefined : kept;
  }
  const keys = Object.keys(value);
  if (depth >= limits.maxDepth) return collapsedMarker(keys.length, 'keys');
  const result: { [key: string]: Json } = {};
  for (const key of keys) {
    const pruned = prune(value[key], depth + 1, limits);
    if (pruned !== undefined) result[key] = pruned;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

/** True when the text is one JSON document (object or array). */
export function isJsonText(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON reducer: minifies, drops null and empty values, samples long arrays (keeping items that
 * mention fail/error/warn and noting `"… N more of M"`), cuts long strings at a word boundary and
 * caps depth, tightening step by step until the budget fits. Text that is not JSON goes to the
 * text reducer.
 */
export function reduceJson(text: string, options: ReduceOptions = {}): ReduceResult {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch {
    return reduceText(text, options);
  }
  const tokensBefore = estimateTokens(text);
  const minified = JSON.stringify(data);
  const budget = options.budgetTokens;
  if (budget !== undefined && estimateTokens(minified) <= budget) {
    return { text: minified, kind: 'json', tokensBefore, tokensAfter: estimateTokens(minified), omitted: 'whitespace only' };
  }
  let output = JSON.stringify(prune(data, 0, LEVELS[DEFAULT_LEVEL]) ?? null);
  if (budget !== undefined) {
    for (const limits of LEVELS) {
      output = JSON.stringify(prune(data, 0, limits) ?? null);
      if (estimateTokens(output) <= budget) break;
    }
  }
  return {
    text: output,
    kind: 'json',
    tokensBefore,
    tokensAfter: estimateTokens(output),
    omitted: 'null and empty values, array items past the first few (errors kept), long strings, deep values',
  };
}
