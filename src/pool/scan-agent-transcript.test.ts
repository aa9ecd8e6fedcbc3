import { describe, expect, it } from 'vitest';
import { scanAgentTranscript } from './scan-agent-transcript.js';

const usageLine = (id: string) => JSON.stringify({ type: 'assistant', isSidechain: true, agentId: 'a1', message: { id, model: 'claude-sonnet-4-5', usage: { input_tokens: 100, output_tokens: 20 } } });
const rateLimited = JSON.stringify({
  type: 'assistant',
  isSidechain: true,
  message: { id: 'e1', model: '<synthetic>', content: [{ type: 'text', text: 'API Error: Request rejected (429) · Rate limited.' }], usage: { input_tokens: 0, output_tokens: 0 } },
  error: 'rate_limit',
  isApiErrorMessage: true,
});

describe('scanAgentTranscript', () => {
  it("sums the subagent's responses once each and finds no push-back in a clean run", () => {
    expect(scanAgentTranscript([usageLine('m1'), usageLine('m1'), usageLine('m2')].join('\n'))).toEqual({ tokens: 240 });
  });

  it('names a rate limit or overload the subagent met', () => {
    expect(scanAgentTranscript([usageLine('m1'), rateLimited].join('\n'))).toEqual({ tokens: 120, rateLimitKind: 'rate_limit' });
    const retried = JSON.stringify({ type: 'system', subtype: 'api_error', error: { status: 529, error: { type: 'overloaded_error' } } });
    expect(scanAgentTranscript(retried).rateLimitKind).toBe('overloaded');
  });

  it('drops the partial first line of a tail', () => {
    const tail = `${rateLimited.slice(40)}\n${usageLine('m3')}`;
    expect(scanAgentTranscript(tail, { isTail: true })).toEqual({ tokens: 120 });
  });
});
