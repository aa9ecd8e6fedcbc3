import { isAbsolute, resolve } from 'node:path';
import type { CtxkitConfig } from '../config/defaults.js';
import { isExcludedPath } from '../privacy/is-excluded-path.js';
import { sanitizeText } from '../privacy/sanitize-text.js';
import { finderKey, markSeen } from '../store/seen-index.js';
import { GUARDED_TOOLS } from '../synthesis/guarded-tools.js';
import { spoolDiscovery } from '../store/spool.js';
import type { DiscoveryInput, Finder, Store } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { estimateRawTokens } from '../tokens/estimate-raw-tokens.js';
import { gitBlobHash } from './git-blob-hash.js';
import { joinOutput } from './join-output.js';
import { planCapture, type CapturePlan } from './plan-capture.js';
import { toStoreKey } from './store-key.js';
import type { Summarize } from './summarize-text.js';

/** What capture needs from its surroundings (a subset of HookDeps). */
export interface CaptureDeps {
  root: string;
  /** The store folder: the capture spool and the content-seen index live there. */
  paths: { dir: string };
  config: CtxkitConfig;
  now: () => number;
  store: () => Promise<Store>;
  readFile: (path: string, maxBytes: number) => Buffer | undefined;
  summarize: Summarize;
}

export interface ToolCallInput extends Finder {
  toolName: string;
  toolInput: unknown;
  toolResponse: unknown;
  toolUseId?: string;
}

/**
 * What capture did: the stored discovery (its id is what `ctxkit show <id>` takes), the discovery
 * written to the spool (it gets its id when the store next opens: see `recordSpooled`), or why not.
 */
export type CaptureOutcome =
  | { status: 'recorded'; id: number; created: boolean; kind: string; key: string; rawTokens: number; summaryTokens: number; staleMarked: number }
  | { status: 'spooled'; input: DiscoveryInput; kind: string; key: string; rawTokens: number; summaryTokens: number }
  | { status: 'skipped'; reason: string };

export interface CaptureOptions {
  /** How to read the call; by default planned from the tool's input and response. */
  plan?: CapturePlan;
  /**
   * Write a plain discovery (file, search, command, web) with a tool_use_id to the spool instead of
   * opening the store: for the hook's fast path, when nothing after capture needs the store.
   */
  spool?: boolean;
}

/** Files larger than this are not hashed (and not worth keeping whole). */
const MAX_HASH_BYTES = 64 * 1024 * 1024;

function absolutePath(path: string, root: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

function sizeOf(text: string, stderr?: string): { bytes: number; tokens: number } {
  const bytes = Buffer.byteLength(text) + (stderr ? Buffer.byteLength(stderr) : 0);
  return { bytes, tokens: estimateRawTokens(stderr ? `${text}\n${stderr}` : text) };
}

/**
 * Captures one tool call into the store: privacy first (excluded paths are skipped, secrets and
 * private spans never reach the store), then hash, summary and one store write. Edits mark earlier
 * discoveries of their file stale.
 */
export async function captureToolUse(call: ToolCallInput, deps: CaptureDeps, options: CaptureOptions = {}): Promise<CaptureOutcome> {
  const plan = options.plan ?? planCapture(call.toolName, call.toolInput, call.toolResponse);
  const finder: Finder = { sessionId: call.sessionId, agentId: call.agentId, agentType: call.agentType };
  const at = deps.now();
  const exclude = deps.config.privacy.exclude;
  if (plan.type === 'skip') return { status: 'skipped', reason: plan.reason };

  if (plan.type === 'edit') {
    if (isExcludedPath(absolutePath(plan.path, deps.root), deps.root, exclude)) return { status: 'skipped', reason: 'excluded path' };
    const key = toStoreKey(plan.path, deps.root);
    const bytes = deps.readFile(absolutePath(plan.path, deps.root), MAX_HASH_BYTES);
    const currentHash = bytes ? gitBlobHash(bytes) : undefined;
    const store = await deps.store();
    const staleMarked = await store.markStale({ path: key, currentHash, at });
    const text = sanitizeText(plan.text);
    const size = sizeOf(text);
    const summary = deps.summarize({ kind: 'edit', key, text, toolName: call.toolName });
    const recorded = await store.record({ ...finder, kind: 'edit', key, toolName: call.toolName, toolUseId: call.toolUseId, createdAt: at, contentHash: currentHash, rawBytes: size.bytes, rawTokens: size.tokens, summary, summaryTokens: estimateTokens(summary), meta: plan.meta });
    return { status: 'recorded', ...recorded, kind: 'edit', key, rawTokens: size.tokens, summaryTokens: estimateTokens(summary), staleMarked };
  }

  if (plan.type === 'agent') {
    const report = sanitizeText(plan.report);
    const task = sanitizeText(plan.prompt);
    const description = sanitizeText(plan.description);
    const size = sizeOf(report);
    const summary = deps.summarize({ kind: 'agent-report', key: description, text: report, toolName: call.toolName });
    const store = await deps.store();
    if (call.toolUseId) await store.agentTaskQueued({ sessionId: call.sessionId, toolUseId: call.toolUseId, prompt: task, description, subagentType: plan.subagentType, at });
    const sources = plan.agentId ? await sourcesOfAgent(store, plan.agentId) : [];
    const handed = await store.handOff({
      ...finder,
      agentId: plan.agentId,
      agentType: plan.subagentType,
      toolUseId: call.toolUseId,
      task,
      description,
      createdAt: at,
      rawBytes: size.bytes,
      rawTokens: size.tokens,
      summary,
      summaryTokens: estimateTokens(summary),
      original: sameText(summary, report) ? undefined : { text: report },
      sources,
      meta: plan.meta,
    });
    return { status: 'recorded', ...handed, kind: 'agent-report', key: description, rawTokens: size.tokens, summaryTokens: estimateTokens(summary), staleMarked: 0 };
  }

  let contentHash: string | undefined;
  let key = sanitizeText(plan.key);
  if (plan.kind === 'file' && plan.path) {
    const path = absolutePath(plan.path, deps.root);
    if (isExcludedPath(path, deps.root, exclude)) return { status: 'skipped', reason: 'excluded path' };
    key = toStoreKey(plan.path, deps.root);
    const bytes = deps.readFile(path, MAX_HASH_BYTES);
    contentHash = bytes ? gitBlobHash(bytes) : undefined;
  }
  const text = sanitizeText(plan.text);
  const stderr = plan.stderr ? sanitizeText(plan.stderr) : undefined;
  const combined = joinOutput({ text, stderr });
  // The rediscovery guard compares what Read, Grep and Glob return (files also against the disk); nothing
  // compares command, web or MCP output by content, and hashing a megabyte of it costs a hook milliseconds.
  const isGuarded = (GUARDED_TOOLS as readonly string[]).includes(call.toolName);
  if (isGuarded) contentHash ??= gitBlobHash(combined);
  const size = sizeOf(text, stderr);
  const summary = deps.summarize({ kind: plan.kind, key, text: combined, toolName: call.toolName });
  const keepOriginal = !sameText(summary, text) || stderr !== undefined;
  const input: DiscoveryInput = {
    ...finder,
    kind: plan.kind,
    key,
    toolName: call.toolName,
    toolUseId: call.toolUseId,
    createdAt: at,
    contentHash,
    range: plan.range,
    rawBytes: size.bytes,
    rawTokens: size.tokens,
    summary,
    summaryTokens: estimateTokens(summary),
    meta: plan.meta,
    original: keepOriginal ? { text, stderr } : undefined,
    supersede: plan.kind === 'file' && contentHash !== undefined,
  };
  // The content-seen index serves the rediscovery guard, which watches Read, Grep and Glob only.
  if (isGuarded && contentHash) markSeen(deps.paths.dir, contentHash, finderKey(call.sessionId, call.agentId));
  const outcome = { kind: plan.kind, key, rawTokens: size.tokens, summaryTokens: input.summaryTokens };
  // The spool needs the tool_use_id: it is what makes ingesting a record twice harmless.
  if (options.spool && call.toolUseId) {
    spoolDiscovery(deps.paths.dir, input, at);
    return { status: 'spooled', input, ...outcome };
  }
  const recorded = await (await deps.store()).record(input);
  return { status: 'recorded', ...recorded, ...outcome, staleMarked: 0 };
}

/**
 * The stored form of a capture: a spooled discovery is recorded now (the store ingests the spool as
 * it opens, so this finds the same row), giving the id `ctxkit show` takes. Undefined when skipped.
 */
export async function recordSpooled(captured: CaptureOutcome, store: Store): Promise<{ id: number } | undefined> {
  if (captured.status === 'skipped') return undefined;
  if (captured.status === 'recorded') return captured;
  return store.record(captured.input);
}

/** True when a summary kept everything (up to surrounding blank space): no original needed. */
export function sameText(summary: string, raw: string): boolean {
  return summary.trim() === raw.trim();
}

/** The files a subagent read, with the hashes it saw: the sources of its report. */
export async function sourcesOfAgent(store: Store, agentId: string): Promise<Array<{ path: string; contentHash?: string }>> {
  const files = await store.find({ agentId, kinds: ['file'], includeStale: true, limit: 500 });
  const seen = new Map<string, string | undefined>();
  for (const file of files) if (!seen.has(file.key)) seen.set(file.key, file.contentHash);
  return [...seen].map(([path, contentHash]) => ({ path, contentHash }));
}
