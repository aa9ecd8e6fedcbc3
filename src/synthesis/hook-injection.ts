import { toStoreKey } from '../capture/store-key.js';
import type { HookDeps } from '../hooks/hook-deps.js';
import type { PreCompactEvent, SessionStartEvent, SubagentStartEvent, UserPromptSubmitEvent } from '../hooks/hook-events.js';
import { markCtxkitContext } from '../claude/transcript/marker.js';
import { recordToUsageRow } from '../stats/usage-row.js';
import type { AgentRecord, Discovery, HandoffSource } from '../store/store.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { decideFreshness, pathsToCheck } from './decide-freshness.js';
import { formatAge } from './describe-provenance.js';
import { hashFiles, injectContext, injectedStateKey } from './inject-context.js';
import { parseHandoff } from './parse-handoff.js';
import { buildWorkingSet, parseWorkingSet, renderWorkingSet, workingSetStateKey } from './working-set.js';

/**
 * Injection at each hook event, as the handlers call it: what to give the conversation, within the
 * configured budgets, remembered per conversation and recorded as usage. Returns the block, or
 * undefined for nothing.
 */

/** UserPromptSubmit: what earlier sessions found that bears on the prompt; the prompt is counted on its session either way. */
export async function injectForPrompt(event: UserPromptSubmitEvent, deps: HookDeps): Promise<string | undefined> {
  const { budgetTokens, minScore } = deps.config.inject;
  const injection =
    budgetTokens > 0
      ? await injectContext(
          {
            query: event.prompt,
            audience: 'session',
            budgetTokens,
            minScore,
            excludeSessionId: event.session_id,
            memoryKey: injectedStateKey(event.session_id),
            commit: { sessionId: event.session_id, hookEvent: 'UserPromptSubmit', countPrompt: true },
          },
          deps,
        )
      : undefined;
  // The prompt is counted with the injection's record; without one, on its own.
  if (!injection?.committed) await (await deps.store()).promptSubmitted({ sessionId: event.session_id, at: deps.now() });
  if (injection) deps.debug(`inject(prompt): ${injection.candidates} candidates, ${injection.items.length} items, ${injection.tokens} tokens`);
  return injection?.block;
}

/** The token budget for a subagent type: `inject.subagents.<type>.budgetTokens`, else `inject.budgetTokens`. */
export function subagentBudget(config: HookDeps['config'], agentType: string | undefined): number {
  const own = agentType !== undefined ? config.inject.subagents[agentType]?.budgetTokens : undefined;
  return own ?? config.inject.budgetTokens;
}

/** SubagentStart: what the pool holds for the subagent's task (its Agent call's prompt); reaches the subagent only. */
export async function injectForSubagent(event: SubagentStartEvent, agent: AgentRecord, deps: HookDeps): Promise<string | undefined> {
  const budgetTokens = subagentBudget(deps.config, event.agent_type);
  const query = [agent.description, agent.task].filter(Boolean).join('\n');
  if (budgetTokens <= 0 || query.length === 0) return undefined;
  const injection = await injectContext(
    {
      query,
      audience: 'subagent',
      budgetTokens,
      minScore: deps.config.inject.minScore,
      excludeAgentId: event.agent_id,
      memoryKey: injectedStateKey(event.session_id, event.agent_id),
      commit: { sessionId: event.session_id, agentId: event.agent_id, hookEvent: 'SubagentStart', agentType: event.agent_type },
    },
    deps,
  );
  deps.debug(`inject(subagent ${event.agent_type}): ${injection.candidates} candidates, ${injection.items.length} items, ${injection.tokens} tokens`);
  return injection.block;
}

/** Startup and /clear have no query yet: a few lines naming the latest fresh handoffs, so the model knows the pool exists. */
async function poolOverview(event: SessionStartEvent, deps: HookDeps): Promise<string | undefined> {
  const store = await deps.store();
  const reports = (await store.find({ kinds: ['agent-report'], excludeSessionId: event.session_id, includeStale: true, limit: 12 })) as Discovery[];
  if (reports.length === 0) return undefined;
  const hashes = hashFiles(reports.flatMap(pathsToCheck), deps.root, deps.readFile);
  const now = deps.now();
  const fresh = reports.filter((report) => decideFreshness(report, hashes).status !== 'stale').slice(0, 3);
  if (fresh.length === 0) return undefined;
  const lines = fresh.map((report) => `- "${report.key}" (${report.agentType ?? 'subagent'}, ${formatAge(now - report.createdAt)}, #${report.id})`);
  return markCtxkitContext(
    `Earlier sessions left handoffs in the shared pool; relevant ones arrive with each prompt (or run \`ctxkit context "<topic>"\`). Latest:\n${lines.join('\n')}`,
  );
}

/**
 * SessionStart: after compaction (or on resume) the session's working set comes back; on startup
 * and /clear, a short pointer to the latest handoffs. Compaction and /clear empty the
 * conversation, so what it was given before may be given again.
 */
export async function injectAtSessionStart(event: SessionStartEvent, deps: HookDeps): Promise<string | undefined> {
  const budgetTokens = deps.config.inject.budgetTokens;
  if (budgetTokens <= 0) return undefined;
  const store = await deps.store();
  if (event.source === 'compact' || event.source === 'clear') await store.setState(injectedStateKey(event.session_id), undefined);
  let block: string | undefined;
  if (event.source === 'compact' || event.source === 'resume') {
    const set = parseWorkingSet(await store.getState(workingSetStateKey(event.session_id)));
    block = set ? renderWorkingSet(set, deps.now(), budgetTokens) : undefined;
  } else {
    block = await poolOverview(event, deps);
  }
  if (block) {
    const now = deps.now();
    await store.addUsage([recordToUsageRow({ kind: 'injection', sessionId: event.session_id, tokens: estimateTokens(block), at: now, hookEvent: 'SessionStart' }, now)]);
  }
  return block;
}

/** PreCompact (and PostCompact, with the compaction summary's id): keeps the session's working set. */
export async function keepWorkingSet(event: Pick<PreCompactEvent, 'session_id'>, deps: HookDeps, compactionId?: number): Promise<void> {
  const store = await deps.store();
  const discoveries = await store.find({ sessionId: event.session_id, kinds: ['file', 'edit'], includeStale: true, limit: 300 });
  const reports = await store.find({ sessionId: event.session_id, kinds: ['agent-report'], includeStale: true, limit: 20 });
  const set = buildWorkingSet({ sessionId: event.session_id, savedAt: deps.now(), discoveries, reports });
  if (compactionId !== undefined) set.compactionId = compactionId;
  await store.setState(workingSetStateKey(event.session_id), JSON.stringify(set));
}

/** The files a session read, with the hashes it saw: the sources of its compaction summary. */
export async function sessionSources(sessionId: string, deps: HookDeps): Promise<HandoffSource[]> {
  const store = await deps.store();
  const files = await store.find({ sessionId, kinds: ['file'], limit: 200 });
  const seen = new Map<string, string | undefined>();
  for (const file of files) if (!seen.has(file.key)) seen.set(file.key, file.contentHash);
  return [...seen].map(([path, contentHash]) => ({ path, contentHash }));
}

/**
 * The files a report cites in its handoff (`### Files`, `path:12-48: …`) with their current hashes,
 * so the handoff goes stale when one of them changes even if the agent never Read it.
 */
export function citedSources(report: string, deps: Pick<HookDeps, 'root' | 'readFile'>): HandoffSource[] {
  const handoff = parseHandoff(report);
  if (!handoff) return [];
  const keys = [...new Set(handoff.files.map((file) => toStoreKey(file.path, deps.root)))];
  const hashes = hashFiles(keys, deps.root, deps.readFile);
  return keys.flatMap((path) => (hashes.get(path) ? [{ path, contentHash: hashes.get(path)! }] : []));
}
