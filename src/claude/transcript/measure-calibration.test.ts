import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../tokens/estimate-tokens.js';
import { calibrationFactor } from './calibration-factor.js';
import { measureCalibration } from './measure-calibration.js';

const assistant = (id: string, input: number, cacheRead: number, output: number, sidechain = false) =>
  JSON.stringify({ type: 'assistant', isSidechain: sidechain, message: { id, role: 'assistant', content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: input, cache_read_input_tokens: cacheRead, output_tokens: output } } });
const toolResult = (text: string, sidechain = false) =>
  JSON.stringify({ type: 'user', isSidechain: sidechain, message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text }] }] } });

describe('measureCalibration', () => {
  const results = ['alpha beta gamma '.repeat(40), 'export function readConfig(path: string) {}\n'.repeat(12), '{"id": 1, "ok": true}\n'.repeat(30)];
  // The API counts each added result as 1.25 times ctxkit's estimate; the previous answer is its output_tokens.
  const real = results.map((text) => Math.round(estimateTokens(text) * 1.25));

  it('pairs consecutive API calls: the input grows by the last output plus the text added in between', () => {
    let input = 1000;
    const lines = [JSON.stringify({ type: 'user', message: { role: 'user', content: 'start' } }), assistant('m0', 10, input - 10, 20)];
    results.forEach((text, i) => {
      lines.push(toolResult(text));
      input += 20 + real[i];
      // The same response written as two lines (two content blocks) counts once.
      lines.push(assistant(`m${i + 1}`, 10, input - 10, 20), assistant(`m${i + 1}`, 10, input - 10, 20));
      // A subagent's lines in the same file are not the main conversation.
      lines.push(toolResult('sidechain noise '.repeat(100), true), assistant(`s${i}`, 5, 99999, 5, true));
    });
    const sample = measureCalibration(lines.join('\n'));
    expect(sample.samples).toBe(3);
    expect(sample.real).toBe(real.reduce((a, b) => a + b, 0));
    expect(sample.estimated).toBe(results.reduce((sum, text) => sum + estimateTokens(text), 0));
    expect(calibrationFactor(sample)).toBeCloseTo(1.25, 2);
  });

  it('uses the estimator as it is with too few samples, and keeps odd factors within 0.5 to 2', () => {
    expect(calibrationFactor(undefined)).toBe(1);
    expect(calibrationFactor({ real: 500, estimated: 100, samples: 2 })).toBe(1);
    expect(calibrationFactor({ real: 5000, estimated: 100, samples: 9 })).toBe(2);
    expect(calibrationFactor({ real: 10, estimated: 100, samples: 9 })).toBe(0.5);
  });

  it('skips what it cannot read: bad lines, responses without usage, a shrinking input (compaction)', () => {
    const lines = ['not json', '{"type":"assistant","message":{"id":"x"}}', assistant('a', 5000, 0, 10), toolResult('word '.repeat(100)), assistant('b', 200, 0, 10)];
    expect(measureCalibration(lines.join('\n'))).toEqual({ real: 0, estimated: 0, samples: 0 });
  });
});
