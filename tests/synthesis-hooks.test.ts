import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHookProcess, withStore, type HookRun } from './fixtures/hooks/run-hook-process.js';
import { testdir, type TestDir } from './helpers/testdir.js';
import { estimateTokens } from '../src/tokens/estimate-tokens.js';

// Run `npm run build` first: these tests start the built dist/hooks/entry.cjs as Claude Code does, on a real SQLite store.

const S1 = '11111111-aaaa-4000-8000-000000000001';
const S2 = '22222222-bbbb-4000-8000-000000000002';
const STORE_TS = Array.from({ length: 120 }, (_, i) => (i === 0 ? 'export function openDatabase(file: string) {' : `  const step${i} = migrateSchema(file, ${i}); // keeps WAL mode on`)).join('\n') + '\n}\n';
const SEARCH_TS = 'export function rankResults(hits: string[]) {\n  return hits.sort();\n}\n';
const HANDOFF = [
  'The search module ranks hits alphabetically.',
  '',
  '## Handoff',
  '### Findings',
  '- rankResults sorts hits in place',
  '### Files',
  '- src/search.ts:1-3: rankResults',
  '- src/store.ts:1-1: openDatabase entry',
  '### Decisions',
  '- none',
  '### Open questions',
  '- none',
].join('\n');

let dir: TestDir;
beforeEach(() => {
  dir = testdir({ 'src/store.ts': STORE_TS, 'src/search.ts': SEARCH_TS, 'transcript.jsonl': '' });
});
afterEach(() => dir.cleanup());

function hook(event: string, payload: Record<string, unknown>, env: Record<string, string> = {}): HookRun {
  const result = runHookProcess(event, { cwd: dir.path, transcript_path: dir.join('transcript.jsonl'), hook_event_name: event, ...payload }, { root: dir.path, env });
  expect(result.code, `${event}: ${result.stderr}`).toBe(0);
  expect(result.stderr).toBe('');
  return result;
}
function contextOf(result: HookRun, event: string): string | undefined {
  if (result.stdout === '') return undefined;
  const output = JSON.parse(result.stdout) as { hookSpecificOutput?: { hookEventName: string; additionalContext?: string; permissionDecision?: string } };
  expect(output.hookSpecificOutput?.hookEventName).toBe(event);
  expect(output.hookSpecificOutput?.permissionDecision).toBeUndefined();
  return output.hookSpecificOutput?.additionalContext;
}
function read(session: string, path: string, content: string, toolUseId: string, agent?: { agent_id: string; agent_type: string }) {
  return hook('PostToolUse', {
    session_id: session,
    ...agent,
    tool_name: 'Read',
    tool_input: { file_path: dir.join(path) },
    tool_response: { type: 'text', file: { filePath: dir.join(path), content, numLines: content.split('\n').length, startLine: 1, totalLines: content.split('\n').length } },
    tool_use_id: toolUseId,
  });
}

/** Session 1 reads the store file itself and sends an Explore subagent to the search file, which hands off. */
function sessionOne() {
  hook('SessionStart', { session_id: S1, source: 'startup' });
  read(S1, 'src/store.ts', STORE_TS, 'toolu_s1_read');
  hook('PreToolUse', { session_id: S1, tool_name: 'Agent', tool_input: { description: 'Explain ranking', prompt: 'Explain how rankResults orders search hits', subagent_type: 'Explore' }, tool_use_id: 'toolu_s1_agent' });
  hook('SubagentStart', { session_id: S1, agent_id: 'agent1', agent_type: 'Explore' });
  read(S1, 'src/search.ts', SEARCH_TS, 'toolu_s1_sub_read', { agent_id: 'agent1', agent_type: 'Explore' });
  hook('SubagentStop', { session_id: S1, agent_id: 'agent1', agent_type: 'Explore', last_assistant_message: HANDOFF, stop_hook_active: false });
  hook('SessionEnd', { session_id: S1, reason: 'other' });
}

describe('injection through the hook entry', () => {
  it('gives a later session what bears on its prompt, once, with provenance; never an allow decision', async () => {
    sessionOne();
    const start = contextOf(hook('SessionStart', { session_id: S2, source: 'startup' }), 'SessionStart');
    expect(start).toContain('[ctxkit] Earlier sessions left handoffs in the shared pool');
    expect(start).toContain('"Explain ranking" (Explore');

    const first = contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'How does openDatabase migrate the schema?' }), 'UserPromptSubmit');
    expect(first).toMatch(/^\[ctxkit\] \d+ items? from earlier sessions \(≈\d+ tokens\)/);
    expect(first).toMatch(/- src\/store\.ts \(read by session 1111, (just now|\d+ min ago), [\d.k]+→\d+ tok, #\d+\):/);
    expect(first).toContain('export function openDatabase(file: string)');
    expect(first!.length).toBeLessThanOrEqual(9000);
    expect(estimateTokens(first!)).toBeLessThanOrEqual(1500);

    // The same prompt again: the conversation already has it.
    expect(contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'How does openDatabase migrate the schema?' }), 'UserPromptSubmit')).toBeUndefined();
    // Nothing relevant: nothing injected.
    expect(contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'Write a haiku about autumn leaves' }), 'UserPromptSubmit')).toBeUndefined();

    await withStore(dir.path, async (store) => {
      const usage = await store.usageTotals({ sessionId: S2 });
      expect(usage.injection?.events).toBe(2);
      const [file] = await store.find({ kinds: ['file'], key: 'src/store.ts' });
      expect(file.useCount).toBe(1);
    });
  });

  it('refines a cut summary at the next session start: a long module becomes its skeleton, every export named', async () => {
    // 30 exported functions over 150 lines: the capture-time cut (40 lines) keeps the first and the last few only.
    const orders = Array.from({ length: 30 }, (_, i) => `export function orderTotal${i}(order: Order): number {\n  const lines = order.lines.map((line) => line.price * line.quantity);\n  return lines.reduce((a, b) => a + b, ${i});\n}\n`).join('\n');
    dir.write('src/orders.ts', orders);
    hook('SessionStart', { session_id: S1, source: 'startup' });
    read(S1, 'src/orders.ts', orders, 'toolu_orders');
    await withStore(dir.path, async (store) => {
      const [captured] = await store.find({ key: 'src/orders.ts' });
      expect(captured.summary).not.toContain('orderTotal15(');
    });
    hook('SessionStart', { session_id: S2, source: 'startup' });
    await withStore(dir.path, async (store) => {
      const [refined] = await store.find({ key: 'src/orders.ts' });
      for (let i = 0; i < 30; i++) expect(refined.summary).toMatch(new RegExp(`export function orderTotal${i}\\b`));
      expect(refined.summary).not.toContain('order.lines.map');
      // Exports are never dropped to meet the budget, so a module of many exports may go over it; still far below the file.
      expect(refined.summaryTokens).toBeLessThan(refined.rawTokens / 2);
      // Found by what only the refined summary holds.
      expect((await store.find({ text: 'orderTotal15' })).map((d) => d.key)).toEqual(['src/orders.ts']);
    });
    const context = contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'Where is orderTotal15 defined?' }), 'UserPromptSubmit');
    expect(context).toMatch(/export function orderTotal15\b/);
  });

  it('calibrates its token estimates from transcripts at Stop, and packs prompt injections to the calibrated budget', async () => {
    sessionOne();
    const uncalibrated = contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'How does openDatabase migrate the schema?' }), 'UserPromptSubmit');
    // A transcript in which the API counted every tool result at twice ctxkit's estimate.
    const result = (i: number) => `const step${i} = migrateSchema(file, ${i}); // keeps WAL mode on\n`.repeat(20);
    let input = 2000;
    const lines: string[] = [JSON.stringify({ type: 'assistant', message: { id: 'm0', content: [], usage: { input_tokens: input, output_tokens: 10 } } })];
    for (let i = 1; i <= 4; i++) {
      lines.push(JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${i}`, content: result(i) }] } }));
      input += 10 + 2 * estimateTokens(result(i));
      lines.push(JSON.stringify({ type: 'assistant', message: { id: `m${i}`, content: [], usage: { input_tokens: input, output_tokens: 10 } } }));
    }
    writeFileSync(dir.join('transcript.jsonl'), `${lines.join('\n')}\n`);
    hook('Stop', { session_id: S2, stop_hook_active: false });
    await withStore(dir.path, async (store) => expect(JSON.parse((await store.getState('calibration'))!)).toMatchObject({ samples: 4 }));
    const calibrated = contextOf(hook('UserPromptSubmit', { session_id: '33333333-cccc-4000-8000-000000000003', prompt: 'How does openDatabase migrate the schema?' }), 'UserPromptSubmit');
    // Real tokens are twice the estimate: the 1,500-token budget holds half as many estimated tokens.
    expect(estimateTokens(calibrated!)).toBeLessThanOrEqual(750);
    expect(estimateTokens(calibrated!)).toBeLessThan(estimateTokens(uncalibrated!));
  });

  it('never injects an edited file\'s old summary, and marks it stale', async () => {
    sessionOne();
    writeFileSync(dir.join('src/store.ts'), STORE_TS.replace('openDatabase', 'openStoreDatabase'));
    const context = contextOf(hook('UserPromptSubmit', { session_id: S2, prompt: 'How does openDatabase migrate the schema?' }), 'UserPromptSubmit');
    expect(context ?? '').not.toContain('src/store.ts (read by');
    await withStore(dir.path, async (store) => {
      const [file] = await store.find({ kinds: ['file'], key: 'src/store.ts', includeStale: true });
      expect(file.stale).toBe(true);
    });
  });

  it('gives a new subagent the handoff and files for its task, names covered files, and respects a 0 budget for its type', async () => {
    sessionOne();
    hook('PreToolUse', { session_id: S2, tool_name: 'Agent', tool_input: { description: 'Ranking again', prompt: 'Check how rankResults orders hits', subagent_type: 'general-purpose' }, tool_use_id: 'toolu_s2_agent' });
    const context = contextOf(hook('SubagentStart', { session_id: S2, agent_id: 'agent2', agent_type: 'general-purpose' }), 'SubagentStart');
    expect(context).toMatch(/^\[ctxkit\] \d+ items? from the shared pool for your task/);
    expect(context).toContain('- handoff "Explain ranking" (reported by session 1111, Explore agent');
    expect(context).toContain('- rankResults sorts hits in place');
    expect(context).toMatch(/Already covered \(same bytes as on disk now; Read them only for exact lines\): .*src\/search\.ts/);

    writeFileSync(dir.join('ctxkit.config.json'), JSON.stringify({ inject: { subagents: { Explore: { budgetTokens: 0 } } } }));
    hook('PreToolUse', { session_id: S2, tool_name: 'Agent', tool_input: { description: 'Ranking', prompt: 'Check how rankResults orders hits', subagent_type: 'Explore' }, tool_use_id: 'toolu_s2_agent2' });
    expect(contextOf(hook('SubagentStart', { session_id: S2, agent_id: 'agent3', agent_type: 'Explore' }), 'SubagentStart')).toBeUndefined();
  });

  it('keeps the handoff\'s cited files as sources: one changed is noted, most changed drops it', async () => {
    sessionOne();
    await withStore(dir.path, async (store) => {
      const [report] = await store.find({ kinds: ['agent-report'] });
      expect(report.handoff?.sources.map((s) => s.path).sort()).toEqual(['src/search.ts', 'src/store.ts']);
    });
    writeFileSync(dir.join('src/store.ts'), '// rewritten\n');
    hook('PreToolUse', { session_id: S2, tool_name: 'Agent', tool_input: { prompt: 'Check how rankResults orders hits', subagent_type: 'general-purpose' }, tool_use_id: 'toolu_s2_agent' });
    const context = contextOf(hook('SubagentStart', { session_id: S2, agent_id: 'agent2', agent_type: 'general-purpose' }), 'SubagentStart');
    // Two sources, one changed: not "most", so it is injected with a note.
    expect(context).toContain('note: changed since it was written: src/store.ts');
    writeFileSync(dir.join('src/search.ts'), '// rewritten too\n');
    hook('PreToolUse', { session_id: S2, tool_name: 'Agent', tool_input: { prompt: 'Check how rankResults orders hits', subagent_type: 'general-purpose' }, tool_use_id: 'toolu_s2_agent_b' });
    expect(contextOf(hook('SubagentStart', { session_id: S2, agent_id: 'agent4', agent_type: 'general-purpose' }), 'SubagentStart') ?? '').not.toContain('Explain ranking');
  });

  it('keeps the working set across compaction and gives it back at SessionStart compact', () => {
    sessionOne();
    // Claude Code 2.1.197's order: PreCompact, SessionStart (compact), then PostCompact.
    hook('PreCompact', { session_id: S1, trigger: 'manual', custom_instructions: null });
    const context = contextOf(hook('SessionStart', { session_id: S1, source: 'compact' }), 'SessionStart');
    expect(context).toContain('[ctxkit] Working set of this session, kept across compaction');
    expect(context).toContain('Files in play: src/search.ts, src/store.ts');
    expect(context).not.toContain('Decisions:');
    expect(context).toContain('- rankResults sorts hits in place');
    hook('PostCompact', { session_id: S1, trigger: 'manual', compact_summary: '<summary>Worked on openDatabase and ranking.</summary>' });
    // A later resume also names the compaction summary.
    const resumed = contextOf(hook('SessionStart', { session_id: S1, source: 'resume' }), 'SessionStart');
    expect(resumed).toContain('Files in play: src/search.ts, src/store.ts');
    expect(resumed).toMatch(/The compaction summary is kept as #\d+/);
  });
});
