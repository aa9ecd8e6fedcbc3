import { sameText, sourcesOfAgent } from '../../capture/capture-tool-use.js';
import { firstUserPrompt } from '../../capture/transcript-lines.js';
import { sanitizeText } from '../../privacy/sanitize-text.js';
import { estimateRawTokens } from '../../tokens/estimate-raw-tokens.js';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { releaseSubagentLease } from '../../pool/pool-hooks.js';
import { citedSources } from '../../synthesis/hook-injection.js';
import type { HookHandler } from './index.js';

const TRANSCRIPT_HEAD_BYTES = 256 * 1024;

/**
 * SubagentStop: files the subagent's final message as an agent report (a handoff) under its task,
 * with the files it read as sources. The task comes from the Agent call paired at SubagentStart,
 * else from the first prompt in the subagent's own transcript.
 */
const subagentStop: HookHandler<'SubagentStop'> = async (event, deps) => {
  const store = await deps.store();
  const at = deps.now();
  const agent = await store.agentStopped({ sessionId: event.session_id, agentId: event.agent_id, agentType: event.agent_type, at, transcriptPath: event.agent_transcript_path });
  await releaseSubagentLease(event, deps);
  const message = event.last_assistant_message;
  if (typeof message !== 'string' || message.trim().length === 0) return undefined;
  let task = agent.task;
  if (!task && event.agent_transcript_path) {
    const head = deps.readFileRange(event.agent_transcript_path, 0, TRANSCRIPT_HEAD_BYTES);
    if (head) task = firstUserPrompt(head.bytes.toString('utf8'));
  }
  task = sanitizeText(task ?? `${event.agent_type} subagent ${event.agent_id}`);
  const description = agent.description ?? task.split('\n')[0].slice(0, 120);
  const report = sanitizeText(message);
  const summary = deps.summarize({ kind: 'agent-report', key: description, text: report, toolName: 'SubagentStop' });
  await store.handOff({
    sessionId: event.session_id,
    agentId: event.agent_id,
    agentType: event.agent_type,
    toolUseId: agent.toolUseId,
    task,
    description,
    createdAt: at,
    rawBytes: Buffer.byteLength(report),
    rawTokens: estimateRawTokens(report),
    summary,
    summaryTokens: estimateTokens(summary),
    original: sameText(summary, report) ? undefined : { text: report },
    // The files it read, plus the files its handoff cites (`path:12-48`), so a change to either makes it stale.
    sources: [...(await sourcesOfAgent(store, event.agent_id)), ...citedSources(report, deps)],
    transcriptPath: event.agent_transcript_path,
  });
  return undefined;
};

export default subagentStop;
