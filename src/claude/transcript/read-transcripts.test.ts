import { symlinkSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir, type TestDir } from '../../../tests/helpers/testdir.js';
import { findProjectTranscriptFolders, readSessionTranscript, readTranscripts } from './read-transcripts.js';
import { projectFolderName } from './project-folder.js';

const PROJECT = fileURLToPath(new URL('../../../tests/fixtures/transcripts/projects/-home-dev-proj', import.meta.url));
const S1 = '5f0c3a8e-2b1d-4c7a-9e3f-1a2b3c4d5e6f';
const S2 = '0b7d9e21-6c4f-4a8b-b2d1-7e8f9a0b1c2d';

let dir: TestDir | undefined;
afterEach(() => {
  dir?.cleanup();
  dir = undefined;
});

describe('readSessionTranscript (2.1.197 layout)', () => {
  it('sums main usage once per message.id and reads the subagent file with its type', async () => {
    const session = await readSessionTranscript(`${PROJECT}/${S1}.jsonl`);
    expect(session.sessionId).toBe(S1);
    expect(session.main.usage).toEqual({ inputTokens: 19, cacheCreationInputTokens: 2400, cacheReadInputTokens: 4300, outputTokens: 230 });
    expect(session.main.apiCalls).toBe(3);
    expect(session.main.models).toEqual(['claude-sonnet-4-5']);
    expect(session.main.version).toBe('2.1.197');
    expect(session.main.commands.map((c) => [c.name, c.args])).toEqual([['/review', 'src/config']]);
    expect(session.main.toolCalls.map((c) => c.name)).toEqual(['Read', 'Agent', 'Grep']);
    expect(session.main.ctxkitContext.map((c) => c.hookEvent)).toEqual(['SessionStart']);
    expect(session.main.apiErrors.map((e) => [e.kind, e.isRetry])).toEqual([
      ['overloaded', true],
      ['rate_limit', false],
    ]);
    expect(session.main.lines).toMatchObject({ unparsable: 3, unknownType: 1 });

    expect(session.subagents).toHaveLength(1);
    const [agent] = session.subagents;
    expect(agent).toMatchObject({ agentId: 'a4e1f0c2b9d83e7f6', agentType: 'Explore', sessionId: S1 });
    expect(agent?.usage).toEqual({ inputTokens: 11, cacheCreationInputTokens: 1700, cacheReadInputTokens: 1500, outputTokens: 120 });
    expect(agent?.ctxkitContext.map((c) => c.hookEvent)).toEqual(['SubagentStart']);
  });
});

describe('readTranscripts', () => {
  it('reads every session of a project folder, oldest first, 2.0 and 2.1 alike', async () => {
    const sessions = await readTranscripts(PROJECT);
    expect(sessions.map((s) => s.sessionId)).toEqual([S2, S1]);
    const old = sessions[0]!;
    expect(old.main.version).toBe('2.0.14');
    expect(old.main.gitBranch).toBeUndefined();
    expect(old.main.usage).toEqual({ inputTokens: 150, cacheCreationInputTokens: 10, cacheReadInputTokens: 100, outputTokens: 25 });
    expect(Object.values(old.main.inlineSidechains).map((g) => g.usage.inputTokens)).toEqual([7]);
    expect(old.main.commands.map((c) => c.name)).toEqual(['/init']);
  });

  it('reads one file when given a file', async () => {
    const sessions = await readTranscripts(`${PROJECT}/${S2}.jsonl`);
    expect(sessions.map((s) => s.sessionId)).toEqual([S2]);
  });

  it('attaches 2.0-layout agent files beside the sessions to their session by sessionId', async () => {
    const line = (obj: object) => JSON.stringify(obj);
    dir = testdir({
      'p/s1.jsonl': line({ type: 'user', sessionId: 's1', timestamp: '2026-11-20T10:00:00.000Z', message: { role: 'user', content: 'go' } }),
      'p/agent-abc123.jsonl': [
        line({ type: 'user', isSidechain: true, agentId: 'abc123', sessionId: 's1', message: { role: 'user', content: 'task' } }),
        line({ type: 'assistant', isSidechain: true, agentId: 'abc123', sessionId: 's1', message: { id: 'm1', model: 'claude-haiku-4-5', content: [], usage: { input_tokens: 4, output_tokens: 2 } } }),
      ].join('\n'),
      'p/agent-orphan.jsonl': line({ type: 'assistant', isSidechain: true, sessionId: 'gone', message: { id: 'm2', usage: { input_tokens: 1, output_tokens: 1 } } }),
    });
    const sessions = await readTranscripts(dir.join('p'));
    const s1 = sessions.find((s) => s.sessionId === 's1');
    expect(s1?.subagents.map((a) => [a.agentId, a.usage.inputTokens])).toEqual([['abc123', 4]]);
    expect(sessions.find((s) => s.sessionId === 'gone')?.subagents.map((a) => a.agentId)).toEqual(['orphan']);
  });

  it('takes the agent type from the parent Agent call when there is no meta file', async () => {
    const line = (obj: object) => JSON.stringify(obj);
    dir = testdir({
      'p/s1.jsonl': [
        line({ type: 'assistant', sessionId: 's1', message: { id: 'm1', content: [{ type: 'tool_use', id: 'tu1', name: 'Agent', input: { subagent_type: 'code-reviewer', prompt: 'x' } }], usage: { input_tokens: 1, output_tokens: 1 } } }),
        line({ type: 'user', sessionId: 's1', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'tu1', content: 'done' }] }, toolUseResult: { agentId: 'a1', content: [] } }),
      ].join('\n'),
      'p/s1/subagents/agent-a1.jsonl': line({ type: 'user', isSidechain: true, agentId: 'a1', sessionId: 's1', message: { role: 'user', content: 'x' } }),
    });
    const [session] = await readTranscripts(dir.join('p'));
    expect(session?.subagents.map((a) => a.agentType)).toEqual(['code-reviewer']);
  });
});

describe('readTranscripts with modifiedSince', () => {
  it('skips session files last written before the bound', async () => {
    const line = (sessionId: string) => JSON.stringify({ type: 'user', sessionId, message: { role: 'user', content: 'x' } });
    dir = testdir({ 'p/old.jsonl': line('old'), 'p/new.jsonl': line('new') });
    const october = new Date('2026-10-01T00:00:00Z');
    utimesSync(dir.join('p/old.jsonl'), october, october);
    const sessions = await readTranscripts(dir.join('p'), { modifiedSince: new Date('2026-11-01T00:00:00Z') });
    expect(sessions.map((s) => s.sessionId)).toEqual(['new']);
    expect((await readTranscripts(dir.join('p'))).map((s) => s.sessionId).sort()).toEqual(['new', 'old']);
  });
});

describe('findProjectTranscriptFolders', () => {
  it("finds Claude Code's folder for a working directory under CLAUDE_CONFIG_DIR, also through a symlink", async () => {
    dir = testdir({ 'work/my_app.v2/file.txt': 'x' });
    const real = dir.join('work/my_app.v2');
    symlinkSync(real, dir.join('link'));
    const projects = dir.join('config/projects');
    dir.write(`config/projects/${projectFolderName(real)}/s.jsonl`, '');
    const env = { CLAUDE_CONFIG_DIR: dir.join('config') };
    expect(await findProjectTranscriptFolders(real, env, '/nonexistent')).toEqual([`${projects}/${projectFolderName(real)}`]);
    expect(await findProjectTranscriptFolders(dir.join('link'), env, '/nonexistent')).toEqual([`${projects}/${projectFolderName(real)}`]);
    expect(await findProjectTranscriptFolders(dir.join('work'), env, '/nonexistent')).toEqual([]);
  });
});
