import { markCtxkitContext } from '../claude/transcript/marker.js';
import type { Discovery } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { cutToTokens } from './cut-to-tokens.js';
import { decideFreshness, sourcesOf, type CurrentHashes, type Freshness } from './decide-freshness.js';
import { describeProvenance, describeSubject } from './describe-provenance.js';
import { isCodePath, outlineCode } from './outline-code.js';
import { packItems, type PackItem } from './pack-items.js';
import { parseHandoff, renderHandoff } from './parse-handoff.js';
import type { RankedCandidate } from './rank-candidates.js';

/** Claude Code collapses a context value over 10,000 characters into a preview; the block stays under this. */
export const MAX_BLOCK_CHARS = 9000;

export type Audience = 'session' | 'subagent';

export interface SelectInput {
  ranked: readonly RankedCandidate[];
  hashes: CurrentHashes;
  now: number;
  budgetTokens: number;
  maxChars?: number;
  /** Ids this conversation was already given (per-session memory). */
  alreadyInjected?: ReadonlySet<number>;
  audience: Audience;
  /** At most this many items (default 8): past that a block reads like a dump. */
  maxItems?: number;
}

export interface SelectedItem {
  discovery: Discovery;
  relevance: number;
  score: number;
  freshness: Freshness;
  text: string;
  tokens: number;
}

export interface Selection {
  /** The block to inject (starts with the `[ctxkit]` marker), or undefined when nothing qualifies. */
  block?: string;
  tokens: number;
  items: SelectedItem[];
  /** Candidates left out, and why. */
  dropped: Array<{ discovery: Discovery; reason: string }>;
  /** Files whose current content the block covers (fresh file summaries, unchanged handoff sources). */
  coveredFiles: string[];
}

/** What the item says: a handoff's fixed sections, a code file's declarations, else the stored summary. */
export function itemBody(discovery: Discovery): string {
  if (discovery.kind === 'agent-report') {
    const handoff = parseHandoff(discovery.summary);
    const rendered = handoff ? renderHandoff(handoff) : '';
    if (rendered.length > 0) return rendered;
  }
  if (discovery.kind === 'file' && isCodePath(discovery.key)) {
    const outline = outlineCode(discovery.summary);
    if (outline) return `${outline}\n(declarations only)`;
  }
  return discovery.summary.trim();
}

/** One item's lines: `- subject (provenance): body`, a multi-line body indented under it. */
export function renderItem(discovery: Discovery, body: string, bodyTokens: number, now: number, changed: readonly string[] = []): string {
  const head = `- ${describeSubject(discovery)} (${describeProvenance(discovery, now, bodyTokens)})`;
  const note = changed.length > 0 ? `\n  note: changed since it was written: ${changed.join(', ')}` : '';
  if (!body.includes('\n')) return `${head}: ${body}${note}`;
  return `${head}:\n${body.split('\n').map((line) => (line.length > 0 ? `  ${line}` : line)).join('\n')}${note}`;
}

function dedupeKey(discovery: Discovery): string {
  const range = discovery.range ? `:${discovery.range.start}-${discovery.range.end}` : '';
  return `${discovery.kind}\u0000${discovery.key}${range}`;
}

function header(count: number, tokens: number, audience: Audience): string {
  const what = count === 1 ? '1 item' : `${count} items`;
  const from = audience === 'subagent' ? 'from the shared pool for your task' : 'from earlier sessions';
  return markCtxkitContext(`${what} ${from} (≈${tokens} tokens). Summaries, not full text: \`ctxkit show <#id>\` prints one whole.`);
}

function coveredLine(files: readonly string[]): string {
  return `Already covered (same bytes as on disk now; Read them only for exact lines): ${files.join(', ')}`;
}

/**
 * Chooses and renders what to inject: ranked candidates in score order, minus what this
 * conversation already got, minus anything whose files changed (re-checked by hash), one item per
 * subject, packed under the token budget and the character cap. Nothing qualifies, nothing returned.
 */
export function selectContext(input: SelectInput): Selection {
  const maxChars = Math.min(input.maxChars ?? MAX_BLOCK_CHARS, MAX_BLOCK_CHARS);
  const dropped: Selection['dropped'] = [];
  const seen = new Set<string>();
  const eligible: Array<{ candidate: RankedCandidate; freshness: Freshness }> = [];
  for (const candidate of input.ranked) {
    const { discovery } = candidate;
    if (input.alreadyInjected?.has(discovery.id)) {
      dropped.push({ discovery, reason: 'already given to this conversation' });
      continue;
    }
    const key = dedupeKey(discovery);
    if (seen.has(key)) {
      dropped.push({ discovery, reason: 'a better item covers the same subject' });
      continue;
    }
    const freshness = decideFreshness(discovery, input.hashes);
    if (freshness.status === 'stale') {
      dropped.push({ discovery, reason: freshness.reason });
      continue;
    }
    seen.add(key);
    eligible.push({ candidate, freshness });
  }
  // A file read by the agent whose handoff ranks better (same bytes still) adds little next to its conclusions.
  const readByHandoffAgent = new Map<string, RankedCandidate>();
  for (const { candidate } of eligible) {
    const { discovery } = candidate;
    if (discovery.kind !== 'agent-report' || !discovery.agentId) continue;
    for (const source of sourcesOf(discovery)) {
      if (source.contentHash !== undefined && input.hashes.get(source.path) === source.contentHash) readByHandoffAgent.set(`${discovery.agentId}\u0000${source.path}`, candidate);
    }
  }
  const kept = eligible.filter(({ candidate }) => {
    const { discovery } = candidate;
    const handoff = discovery.kind === 'file' && !discovery.range && discovery.agentId ? readByHandoffAgent.get(`${discovery.agentId}\u0000${discovery.key}`) : undefined;
    const isCovered = handoff !== undefined && handoff.score > candidate.score;
    if (isCovered) dropped.push({ discovery, reason: `covered by handoff #${handoff.discovery.id}` });
    return !isCovered;
  });
  const empty: Selection = { tokens: 0, items: [], dropped, coveredFiles: [] };
  if (input.budgetTokens <= 0 || kept.length === 0) return empty;

  const packable: Array<PackItem<{ candidate: RankedCandidate; freshness: Freshness }>> = kept.slice(0, input.maxItems ?? 8).map((entry) => {
    const { discovery } = entry.candidate;
    const body = itemBody(discovery);
    const changed = entry.freshness.status === 'partly-changed' ? entry.freshness.changed : [];
    return {
      ref: entry,
      minBodyTokens: Math.min(30, estimateTokens(body)),
      render: (maxBodyTokens) => {
        const cut = cutToTokens(body, maxBodyTokens, (lines) => `… ${lines} more lines (ctxkit show ${discovery.id})`);
        return { text: renderItem(discovery, cut.text, cut.tokens, input.now, changed), bodyTokens: cut.tokens };
      },
    };
  });

  // Reserve room for the header and the covered-files line, then pack; shrink the reserve's guess if needed.
  const reserveTokens = input.audience === 'subagent' ? 120 : 45;
  let packed = packItems(packable, { budgetTokens: input.budgetTokens, maxChars, headerTokens: reserveTokens, headerChars: reserveTokens * 4, maxItemShare: 0.35 });
  for (;;) {
    if (packed.items.length === 0) return { ...empty, dropped: [...dropped, ...packed.left.map((entry) => ({ discovery: entry.candidate.discovery, reason: 'over the budget' }))] };
    const covered = coveredFilesOf(packed.items.map((item) => item.ref), input.hashes);
    const body = packed.items.map((item) => item.text).join('\n');
    const coveredText = input.audience === 'subagent' && covered.length > 0 ? `\n${coveredLine(covered)}` : '';
    const draft = `${header(packed.items.length, 0, input.audience)}\n${body}${coveredText}`;
    const tokens = estimateTokens(draft) + 2;
    const block = `${header(packed.items.length, tokens, input.audience)}\n${body}${coveredText}`;
    if (tokens <= input.budgetTokens && block.length <= maxChars) {
      return {
        block,
        tokens: estimateTokens(block),
        items: packed.items.map((item) => ({
          discovery: item.ref.candidate.discovery,
          relevance: item.ref.candidate.relevance,
          score: item.ref.candidate.score,
          freshness: item.ref.freshness,
          text: item.text,
          tokens: item.tokens,
        })),
        dropped: [...dropped, ...packed.left.map((entry) => ({ discovery: entry.candidate.discovery, reason: 'over the budget' }))],
        coveredFiles: covered,
      };
    }
    const last = packed.items.pop()!;
    packed = { ...packed, left: [...packed.left, last.ref] };
  }
}

function coveredFilesOf(entries: ReadonlyArray<{ candidate: RankedCandidate; freshness: Freshness }>, hashes: CurrentHashes): string[] {
  const files = new Set<string>();
  for (const { candidate, freshness } of entries) {
    const { discovery } = candidate;
    if (discovery.kind === 'file' && !discovery.range && freshness.status === 'fresh') files.add(discovery.key);
    for (const source of sourcesOf(discovery)) {
      if (source.contentHash !== undefined && hashes.get(source.path) === source.contentHash) files.add(source.path);
    }
  }
  return [...files].slice(0, 20);
}
