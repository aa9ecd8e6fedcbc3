import { describe, expect, it } from 'vitest';
import { findMember, jsonValueOf, parseJsonTree } from './parse-json-tree.js';

describe('parseJsonTree', () => {
  it('gives the same value as JSON.parse, with offsets of each value', () => {
    const text = '{\n  "a": [1, -2.5e3, "x\\n\\u00e9"],\n  "b": {"c": true, "d": null}\n}\n';
    const result = parseJsonTree(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(jsonValueOf(result.root)).toEqual(JSON.parse(text));
    const b = findMember(result.root, 'b')!;
    expect(text.slice(b.start, b.value.end)).toBe('"b": {"c": true, "d": null}');
  });

  it('skips a leading BOM like Claude Code does', () => {
    const result = parseJsonTree('\ufeff{"a":1}');
    expect(result.ok && jsonValueOf(result.root)).toEqual({ a: 1 });
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    const result = parseJsonTree('{"a":1,"a":2}');
    expect(result.ok && jsonValueOf(result.root)).toEqual({ a: 2 });
  });

  it.each([
    ['{\n  // note\n  "a": 1\n}', 2, 3, 'no comments'],
    ['{\n  "a": 1,\n}', 3, 1, 'trailing commas'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": "x', 1, 7, 'Unterminated string'],
    ['{} {}', 1, 4, 'after the end'],
    ['', 1, 1, 'end of file'],
    ['[1,]', 1, 4, 'trailing commas'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
  ])('reports %j at line %i column %i', (text, line, column, fragment) => {
    const result = parseJsonTree(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ line, column });
    expect(result.error.message).toContain(fragment);
    expect(() => JSON.parse(text)).toThrow();
  });
});
