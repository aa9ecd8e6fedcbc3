import { describe, expect, it } from 'vitest';
import { appendItem, appendMember, detectJsonStyle, removeItem, removeMember, replaceValue } from './edit-json-text.js';
import { findMember, parseJsonTree, type JsonNode } from './parse-json-tree.js';

function root(text: string): JsonNode {
  const result = parseJsonTree(text);
  if (!result.ok) throw new Error(`${result.error.message} in ${text}`);
  return result.root;
}

describe('detectJsonStyle', () => {
  it.each([
    ['{\n  "a": {\n    "b": 1\n  }\n}\n', '  '],
    ['{\n    "a": 1\n}', '    '],
    ['{\n\t"a": 1\n}', '\t'],
    ['{"a":1}', '  '],
  ])('detects the indentation of %j', (text, indent) => {
    expect(detectJsonStyle(text).indent).toBe(indent);
  });

  it('detects CRLF line endings and one-line files', () => {
    expect(detectJsonStyle('{\r\n  "a": 1\r\n}\r\n')).toMatchObject({ newline: '\r\n', multiline: true });
    expect(detectJsonStyle('{"a":1}\n').multiline).toBe(false);
  });
});

describe('append and remove', () => {
  const files = [
    '{\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}\n',
    '{\n    "a": 1\n}',
    '{\n\t"a": {\n\t\t"k": true\n\t}\n}\n',
    '{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n',
    '{"a":1,"b":2}',
    '{}',
    '{\n  "list": [{"x": 1}, {"y": 2}]\n}\n',
  ];

  it.each(files)('appending then removing a member gives back %j exactly', (text) => {
    const style = detectJsonStyle(text);
    const added = appendMember(text, root(text), 'hooks', { Stop: [{ hooks: [{ type: 'command', command: 'node' }] }] }, style);
    expect(JSON.parse(added)).toEqual({ ...JSON.parse(text), hooks: { Stop: [{ hooks: [{ type: 'command', command: 'node' }] }] } });
    const node = root(added);
    if (node.kind !== 'object') throw new Error('object expected');
    expect(removeMember(added, node, node.members.length - 1)).toBe(text);
  });

  it('indents a new member like its siblings (4 spaces, tabs)', () => {
    expect(appendMember('{\n    "a": 1\n}', root('{\n    "a": 1\n}'), 'b', { c: [1] }, detectJsonStyle('{\n    "a": 1\n}'))).toBe(
      '{\n    "a": 1,\n    "b": {\n        "c": [\n            1\n        ]\n    }\n}',
    );
    const tabs = '{\n\t"a": 1\n}\n';
    expect(appendMember(tabs, root(tabs), 'b', [true], detectJsonStyle(tabs))).toBe('{\n\t"a": 1,\n\t"b": [\n\t\ttrue\n\t]\n}\n');
  });

  it('keeps a one-line array on one line', () => {
    const text = '{\n  "list": [{"x": 1}, {"y": 2}]\n}\n';
    const list = findMember(root(text), 'list')!.value;
    expect(appendItem(text, list, { z: 3 }, detectJsonStyle(text))).toBe('{\n  "list": [{"x": 1}, {"y": 2}, {"z":3}]\n}\n');
  });

  it('removes the first, middle and only items with their commas', () => {
    const text = '[\n  1,\n  2,\n  3\n]';
    expect(removeItem(text, root(text), 0)).toBe('[\n  2,\n  3\n]');
    expect(removeItem(text, root(text), 1)).toBe('[\n  1,\n  3\n]');
    expect(removeItem('[\n  1\n]', root('[\n  1\n]'), 0)).toBe('[]');
  });

  it('replaces a value indented like its line', () => {
    const text = '{\n  "a": {"old": 1},\n  "b": {\n    "old": 1\n  }\n}';
    const b = findMember(root(text), 'b')!.value;
    expect(replaceValue(text, b, { new: [2] }, detectJsonStyle(text))).toBe('{\n  "a": {"old": 1},\n  "b": {\n    "new": [\n      2\n    ]\n  }\n}');
    const a = findMember(root(text), 'a')!.value;
    expect(replaceValue(text, a, { new: 2 }, detectJsonStyle(text))).toBe('{\n  "a": {"new":2},\n  "b": {\n    "old": 1\n  }\n}');
  });
});
