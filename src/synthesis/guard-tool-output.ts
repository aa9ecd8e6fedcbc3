import { recordSpooled, type CaptureOutcome } from '../capture/capture-tool-use.js';
import type { HookDeps } from '../hooks/hook-deps.js';
import type { PostToolUseEvent } from '../hooks/hook-events.js';
import type { HookOutput } from '../hooks/hook-output.js';
import { recordToUsageRow } from '../stats/usage-row.js';
import { finderKey, seenElsewhere } from '../store/seen-index.js';
import type { Discovery } from '../store/store.js';
import { GUARDED_TOOLS, type GuardedTool } from './guarded-tools.js';

/** The guard mode for a tool: `guard.tools.<Tool>`, else `guard.mode`. */
export function guardModeFor(config: HookDeps['config'], toolName: string) {
  return config.guard.tools[toolName as GuardedTool] ?? config.guard.mode;
}

/** True when the guard may act on this call at all (cheap: no store, no hashing). */
export function isGuardCandidate(event: Pick<PostToolUseEvent, 'tool_name'>, config: HookDeps['config']): boolean {
  return (GUARDED_TOOLS as readonly string[]).includes(event.tool_name) && guardModeFor(config, event.tool_name) !== 'off';
}

/**
 * The rediscovery guard as a PostToolUse decider: runs after capture (it needs the captured
 * discovery's content hash), looks for the same bytes captured by another session or agent, and
 * returns the replacement (`updatedToolOutput`) or the note (`additionalContext`), or undefined.
 * Records a `guard` usage row and counts a use of the stored item it leaned on.
 */
export async function guardToolOutput(event: PostToolUseEvent, captured: CaptureOutcome, deps: HookDeps): Promise<HookOutput | undefined> {
  if (!isGuardCandidate(event, deps.config) || captured.status === 'skipped') return undefined;
  // The common answer, "nobody else captured these bytes", comes from the content-seen index without opening the store.
  if (captured.status === 'spooled') {
    const hash = captured.input.contentHash;
    if (!hash || !seenElsewhere(deps.paths.dir, hash, finderKey(event.session_id, event.agent_id))) return undefined;
  }
  // The decision and its rendering load only now: most calls were settled by the index above.
  const { decideGuard } = await import('./decide-guard.js');
  const store = await deps.store();
  const recorded = await recordSpooled(captured, store);
  const current = recorded && (await store.get(recorded.id));
  if (!current?.contentHash) return undefined;
  const earlier = await store.find({ contentHash: current.contentHash, kinds: [current.kind], limit: 20 });
  const now = deps.now();
  const mode = guardModeFor(deps.config, event.tool_name);
  const finder = { sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type };
  let decision = decideGuard({ toolName: event.tool_name, toolInput: event.tool_input, toolResponse: event.tool_response, mode, finder, capturedId: current.id, earlier, now });
  if (decision.action === 'hint' && current.kind === 'file') {
    // Name the earlier conclusion: a fresh handoff that relied on this file.
    const conclusion = await findConclusion(current, decision.sourceId, deps);
    if (conclusion) decision = decideGuard({ toolName: event.tool_name, toolInput: event.tool_input, toolResponse: event.tool_response, mode, finder, capturedId: current.id, earlier, now, conclusion });
  }
  deps.debug(`guard ${event.tool_name} ${event.tool_use_id}: ${decision.action}${decision.action === 'none' ? ` (${decision.reason})` : ` from #${decision.sourceId}`}`);
  if (decision.action === 'none') return undefined;
  await store.markUsed([decision.sourceId], now);
  await store.addUsage([recordToUsageRow({ ...decision.record, sessionId: event.session_id, at: now }, now, event.agent_id)]);
  if (decision.action === 'replace') return { hookSpecificOutput: { hookEventName: 'PostToolUse', updatedToolOutput: decision.updatedToolOutput } };
  return { hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: decision.additionalContext } };
}

async function findConclusion(file: Discovery, sourceId: number, deps: HookDeps): Promise<Discovery | undefined> {
  const store = await deps.store();
  const source = await store.get(sourceId);
  const reports = await store.find({ kinds: ['agent-report'], excludeSessionId: file.sessionId, limit: 30 });
  return reports.find(
    (report) =>
      (source?.agentId !== undefined && report.agentId === source.agentId) ||
      (report.handoff?.sources.some((s) => s.path === file.key && s.contentHash === file.contentHash) ?? false),
  );
}

/**
 * The guard as a PostToolUse replacement decider (src/hooks/post-tool-use/deciders.ts): listed
 * before in-flight compression, so a summary another session already made beats a fresh reduction.
 */
export const guardDecider = {
  name: 'rediscovery-guard',
  isCandidate: (event: PostToolUseEvent, deps: HookDeps): boolean => isGuardCandidate(event, deps.config),
  decide: (call: { event: PostToolUseEvent; captured: CaptureOutcome }, deps: HookDeps): Promise<HookOutput | undefined> => guardToolOutput(call.event, call.captured, deps),
};
