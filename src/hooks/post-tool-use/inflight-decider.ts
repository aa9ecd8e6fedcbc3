import { recordSpooled } from '../../capture/capture-tool-use.js';
import { isToolEnabled, outputChars } from '../../inflight/tool-output.js';
import { recordToUsageRow } from '../../stats/usage-row.js';
import type { ReplacementDecider } from './deciders.js';

/**
 * The estimate counts at most 1.5 tokens a character, so an output with fewer characters than
 * `minTokens / 1.5` is small for sure: it leaves before any reducer or the store is touched.
 */
const MAX_TOKENS_PER_CHAR = 1.5;

/**
 * In-flight compression as a replacement decider: a large output is reduced by its family's
 * reducer and replaces what the model sees, ending with the line that names `ctxkit show <id>`.
 * Only when capture kept the original (so that line works) and the store takes the accounting row.
 */
export const inflightDecider: ReplacementDecider = {
  name: 'inflight',
  isCandidate(event, deps) {
    const config = deps.config.inflight;
    if (config.mode === 'off' || !isToolEnabled(event.tool_name, config.tools)) return false;
    return outputChars(event.tool_name, event.tool_response) * MAX_TOKENS_PER_CHAR >= config.minTokens;
  },
  async decide(call, deps) {
    const { event, captured } = call;
    const { planInflight } = await import('../../inflight/plan-inflight.js');
    const plan = await planInflight({
      toolName: event.tool_name,
      toolInput: event.tool_input,
      toolResponse: event.tool_response,
      config: deps.config.inflight,
      env: deps.env,
      fullText: call.persistedOutput,
    });
    if (plan.type === 'pass') {
      deps.debug(`inflight ${event.tool_name} ${event.tool_use_id}: passed through (${plan.reason})`);
      return undefined;
    }
    // The replacement names `ctxkit show <id>`: without a kept original there is no replacement.
    const store = await deps.store();
    const recorded = await recordSpooled(captured, store);
    if (!recorded) return undefined;
    const discovery = await store.get(recorded.id);
    if (!discovery?.hasOriginal) {
      deps.debug(`inflight ${event.tool_use_id}: passed through (no original kept for #${recorded.id})`);
      return undefined;
    }
    if (event.tool_name === 'Bash') {
      // Running the same command again right away means the reduced output was not enough.
      const recent = await store.find({ sessionId: event.session_id, ...(event.agent_id ? { agentId: event.agent_id } : {}), includeStale: true, limit: 3 });
      const previous = recent.find((item) => item.id !== recorded.id && item.createdAt <= discovery.createdAt);
      if (previous && previous.kind === 'command' && previous.key === discovery.key) {
        deps.debug(`inflight ${event.tool_use_id}: passed through (immediate re-run of #${previous.id})`);
        return undefined;
      }
    }
    const rendered = plan.render(recorded.id);
    const now = deps.now();
    await store.addUsage([
      recordToUsageRow(
        { kind: 'inflight', sessionId: event.session_id, tool: event.tool_name.startsWith('mcp__') ? 'mcp' : event.tool_name, family: plan.family, tokensBefore: plan.tokensBefore, tokensAfter: rendered.tokensAfter, at: now },
        now,
        event.agent_id,
      ),
    ]);
    deps.debug(`inflight ${event.tool_use_id}: ${plan.family} ${plan.tokensBefore} -> ${rendered.tokensAfter} tokens (#${recorded.id})`);
    return { hookSpecificOutput: { hookEventName: 'PostToolUse', [plan.outputKey]: rendered.response } };
  },
};
