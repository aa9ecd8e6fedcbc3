/**
 * Text splices on a JSON document, so that a settings file keeps its indentation, key order, line endings and every
 * byte ctxkit did not mean to touch. Appending a child and removing that same child are exact inverses, which is
 * what lets `uninstall` give back the file as it was before `install`.
 */
import type { JsonNode } from './parse-json-tree.js';

/** How a file is laid out, detected from its text. */
export interface JsonStyle {
  /** One level of indentation: a tab or N spaces. */
  indent: string;
  newline: '\n' | '\r\n';
  /** False for a file written on one line; new content then stays on one line too. */
  multiline: boolean;
}

/** Detects indentation (tabs, or the smallest space indent), line endings and whether the file spans lines. */
export function detectJsonStyle(text: string): JsonStyle {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const multiline = text.trim().includes('\n');
  let indent = '  ';
  let smallest = Infinity;
  for (const line of text.split('\n')) {
    const match = /^([ \t]+)\S/.exec(line);
    if (!match) continue;
    if (match[1].startsWith('\t')) {
      indent = '\t';
      break;
    }
    if (match[1].length < smallest) {
      smallest = match[1].length;
      indent = match[1];
    }
  }
  return { indent, newline, multiline };
}

/** The JSON text of a new file holding `value`: two-space indentation and a final newline, like Claude Code writes. */
export function formatNewJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Serializes `value` to sit at a place whose line is indented by `baseIndent`. */
function formatValue(value: unknown, style: JsonStyle, baseIndent: string): string {
  if (!style.multiline) return JSON.stringify(value);
  return JSON.stringify(value, null, style.indent).split('\n').join(style.newline + baseIndent);
}

type Container = Extract<JsonNode, { kind: 'object' | 'array' }>;

interface ChildSpan {
  start: number;
  end: number;
}

function childSpans(container: Container): ChildSpan[] {
  return container.kind === 'object'
    ? container.members.map((member) => ({ start: member.start, end: member.value.end }))
    : container.items.map((item) => ({ start: item.start, end: item.end }));
}

function appendChild(text: string, container: Container, style: JsonStyle, render: (indent: string) => string): string {
  const children = childSpans(container);
  const innerStart = container.start + 1;
  if (children.length === 0) {
    if (!style.multiline) return text.slice(0, innerStart) + render('') + text.slice(container.end - 1);
    const outer = lineIndentAt(text, container.start);
    const inner = outer + style.indent;
    return text.slice(0, innerStart) + style.newline + inner + render(inner) + style.newline + outer + text.slice(container.end - 1);
  }
  const last = children[children.length - 1];
  // Reuse the separator the file already has between siblings, so the new child looks like its neighbours.
  let separator: string;
  if (children.length >= 2) separator = text.slice(children[children.length - 2].end, last.start);
  else if (text.slice(innerStart, last.start).includes('\n')) separator = `,${style.newline}${lineIndentAt(text, last.start)}`;
  else separator = style.multiline ? ', ' : ',';
  const indent = separator.includes('\n') ? lineIndentAt(text, last.start) : '';
  return text.slice(0, last.end) + separator + render(indent) + text.slice(last.end);
}

/** Appends `"key": value` as the last member of an object. */
export function appendMember(text: string, object: JsonNode, key: string, value: unknown, style: JsonStyle): string {
  if (object.kind !== 'object') throw new TypeError('appendMember needs an object node');
  return appendChild(text, object, style, (indent) => `${JSON.stringify(key)}${style.multiline ? ': ' : ':'}${formatValue(value, styleFor(text, object, style), indent)}`);
}

/** Appends `value` as the last item of an array. */
export function appendItem(text: string, array: JsonNode, value: unknown, style: JsonStyle): string {
  if (array.kind !== 'array') throw new TypeError('appendItem needs an array node');
  return appendChild(text, array, style, (indent) => formatValue(value, styleFor(text, array, style), indent));
}

// A container written on one line gets its new child on that line too.
function styleFor(text: string, container: Container, style: JsonStyle): JsonStyle {
  if (!style.multiline) return style;
  const children = childSpans(container);
  if (children.length === 0) return style;
  return text.slice(container.start, container.end).includes('\n') ? style : { ...style, multiline: false };
}

function removeChild(text: string, container: Container, index: number): string {
  const children = childSpans(container);
  if (index < 0 || index >= children.length) throw new RangeError(`No child ${index} to remove`);
  if (children.length === 1) return text.slice(0, container.start + 1) + text.slice(container.end - 1);
  if (index === children.length - 1) return text.slice(0, children[index - 1].end) + text.slice(children[index].end);
  return text.slice(0, children[index].start) + text.slice(children[index + 1].start);
}

/** Removes the member at `index` of an object, with its separating comma. An object left empty becomes `{}`. */
export function removeMember(text: string, object: JsonNode, index: number): string {
  if (object.kind !== 'object') throw new TypeError('removeMember needs an object node');
  return removeChild(text, object, index);
}

/** Removes the item at `index` of an array, with its separating comma. An array left empty becomes `[]`. */
export function removeItem(text: string, array: JsonNode, index: number): string {
  if (array.kind !== 'array') throw new TypeError('removeItem needs an array node');
  return removeChild(text, array, index);
}

/** Replaces a value in place, indented like the line it starts on (a value written on one line stays on one line). */
export function replaceValue(text: string, node: JsonNode, value: unknown, style: JsonStyle): string {
  const oneLine = !text.slice(node.start, node.end).includes('\n') && (node.kind === 'object' || node.kind === 'array')
    && (node.kind === 'object' ? node.members.length > 0 : node.items.length > 0);
  const formatted = formatValue(value, oneLine ? { ...style, multiline: false } : style, lineIndentAt(text, node.start));
  return text.slice(0, node.start) + formatted + text.slice(node.end);
}
