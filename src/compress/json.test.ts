import { describe, expect, it } from 'vitest';
import { reduceJson } from './json.js';

describe('reduceJson', () => {
  it.each([
    { name: 'minifies and drops null and empty values', input: '{\n  "a": 1,\n  "b": null,\n  "c": "",\n  "d": [],\n  "e": {},\n  "f": [null, 2]\n}', expected: '{"a":1,"f":[2]}' },
    {
      name: 'samples a long array, keeps error items and notes the rest',
      input: JSON.stringify({ items: [1, 2, 3, 4, 5, { status: 'error', id: 'job-77' }, 7, 8] }),
      expected: '{"items":[1,2,3,{"status":"error","id":"job-77"},"… 4 more of 8"]}',
    },
    {
      name: 'does not take an empty error field for an error',
      input: JSON.stringify({ items: [1, 2, 3, 4].map((id) => ({ id, errorCode: null, status: id === 4 ? 'failed' : 'ok' })).concat([{ id: 5, errorCode: null, status: 'ok' }]) }),
      expected: '{"items":[{"id":1,"status":"ok"},{"id":2,"status":"ok"},{"id":3,"status":"ok"},{"id":4,"status":"failed"},"… 1 more of 5"]}',
    },
    {
      name: 'drops an unbroken long string whole instead of cutting it',
      input: JSON.stringify({ blob: 'A'.repeat(500), id: 'x1' }),
      expected: '{"blob":"… 500 chars","id":"x1"}',
    },
    {
      name: 'caps depth',
      input: JSON.stringify({ a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } }),
      expected: '{"a":{"b":{"c":{"d":{"e":{"f":"… 1 keys"}}}}}}',
    },
  ])('$name', ({ input, expected }) => {
    expect(reduceJson(input).text).toBe(expected);
  });

  it('cuts a long string at a word boundary and says how much was cut', () => {
    const text = reduceJson(JSON.stringify({ message: `start ${'lorem ipsum '.repeat(20)}end` })).text;
    expect(text).toMatch(/^\{"message":"start (?:lorem ipsum )+lorem … \d+ chars"\}$/);
    expect(text.length).toBeLessThanOrEqual(150);
  });

  it('tightens until the budget fits, still naming the error items', () => {
    const response = {
      requestId: 'req-8842',
      results: Array.from({ length: 200 }, (_, i) => ({
        id: `item-${i}`,
        status: i === 137 ? 'failed' : 'ok',
        detail: i === 137 ? 'quota exceeded for project alpha-9' : `processed normally on shard ${i % 4}`,
        tags: ['a', 'b', 'c', 'd'],
      })),
    };
    const input = JSON.stringify(response, null, 2);
    const result = reduceJson(input, { budgetTokens: 120 });
    expect(result.tokensAfter).toBeLessThanOrEqual(120);
    expect(result.text).toContain('"requestId":"req-8842"');
    expect(result.text).toContain('item-137');
    expect(result.text).toMatch(/… \d+ more of 200/);
    expect(() => JSON.parse(result.text)).not.toThrow();
  });

  it('hands text that is not JSON to the text reducer', () => {
    expect(reduceJson('not json {').kind).toBe('text');
  });
});
