/**
 * A strict JSON parser that remembers where every value sits in the text, so ctxkit can edit a settings file
 * by splicing text (keeping the user's formatting, key order and unrelated bytes) instead of re-printing it.
 * Claude Code reads settings with plain `JSON.parse` after dropping a leading BOM: no comments, no trailing
 * commas. This parser accepts exactly that and reports the first error with its line and column.
 */

export interface JsonMember {
  key: string;
  /** Offset of the key's opening quote. */
  start: number;
  value: JsonNode;
}

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number; value: null };

export interface JsonSyntaxProblem {
  message: string;
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export type JsonTreeResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxProblem };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses strict JSON (a leading BOM is skipped, as Claude Code does) into a tree with offsets. */
export function parseJsonTree(text: string): JsonTreeResult {
  const parser = new Parser(text);
  try {
    return { ok: true, root: parser.parseDocument() };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, error: { message: error.message, offset: error.offset, ...lineColumnAt(text, error.offset) } };
  }
}

/** The plain value of a node (for objects, the last of duplicate keys wins, as with JSON.parse). */
export function jsonValueOf(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const member of node.members) {
        // Defining the property keeps `__proto__` an ordinary key, as JSON.parse does.
        Object.defineProperty(value, member.key, { value: jsonValueOf(member.value), enumerable: true, writable: true, configurable: true });
      }
      return value;
    }
    case 'array':
      return node.items.map(jsonValueOf);
    default:
      return node.value;
  }
}

/** The member of an object node with this key (the last one, as JSON.parse keeps). */
export function findMember(node: JsonNode, key: string): JsonMember | undefined {
  if (node.kind !== 'object') return undefined;
  for (let index = node.members.length - 1; index >= 0; index--) {
    if (node.members[index].key === key) return node.members[index];
  }
  return undefined;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function describe(char: string | undefined): string {
  if (char === undefined) return 'end of file';
  if (char === '\n') return 'line break';
  return `'${char}'`;
}

class Parser {
  private index = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.index = 1;
  }

  parseDocument(): JsonNode {
    this.skipWhitespace();
    const root = this.parseValue();
    this.skipWhitespace();
    if (this.index < this.text.length) {
      throw new JsonSyntaxError(`Unexpected ${describe(this.text[this.index])} after the end of the JSON value`, this.index);
    }
    return root;
  }

  private fail(expected: string): never {
    const char = this.text[this.index];
    if (char === '/' && (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')) {
      throw new JsonSyntaxError(`Unexpected comment, expected ${expected} (settings files are strict JSON: no comments)`, this.index);
    }
    throw new JsonSyntaxError(`Unexpected ${describe(char)}, expected ${expected}`, this.index);
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length) {
      const code = this.text.charCodeAt(this.index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) this.index++;
      else break;
    }
  }

  private parseValue(): JsonNode {
    const char = this.text[this.index];
    if (char === '{') return this.parseObject();
    if (char === '[') return this.parseArray();
    if (char === '"') {
      const start = this.index;
      const value = this.parseString();
      return { kind: 'string', start, end: this.index, value };
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null', value: null }],
    ] as const) {
      if (this.text.startsWith(word, this.index)) {
        const start = this.index;
        this.index += word.length;
        return { ...node, start, end: this.index } as JsonNode;
      }
    }
    return this.fail('a value');
  }

  private parseObject(): JsonNode {
    const start = this.index;
    this.index++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return { kind: 'object', start, end: this.index, members };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') {
        if (members.length > 0 && this.text[this.index] === '}') {
          throw new JsonSyntaxError("Unexpected '}' after ',', expected a property name (no trailing commas in JSON)", this.index);
        }
        this.fail('a property name in double quotes');
      }
      const keyStart = this.index;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail("':'");
      this.index++;
      this.skipWhitespace();
      const value = this.parseValue();
      members.push({ key, start: keyStart, value });
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === '}') {
        this.index++;
        return { kind: 'object', start, end: this.index, members };
      }
      this.fail("',' or '}'");
    }
  }

  private parseArray(): JsonNode {
    const start = this.index;
    this.index++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return { kind: 'array', start, end: this.index, items };
    }
    for (;;) {
      this.skipWhitespace();
      if (items.length > 0 && this.text[this.index] === ']') {
        throw new JsonSyntaxError("Unexpected ']' after ',', expected a value (no trailing commas in JSON)", this.index);
      }
      items.push(this.parseValue());
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ',') {
        this.index++;
        continue;
      }
      if (next === ']') {
        this.index++;
        return { kind: 'array', start, end: this.index, items };
      }
      this.fail("',' or ']'");
    }
  }

  private parseString(): string {
    const start = this.index;
    this.index++;
    for (;;) {
      const code = this.text.charCodeAt(this.index);
      if (Number.isNaN(code)) throw new JsonSyntaxError('Unterminated string', start);
      if (code === 0x22) break;
      if (code < 0x20) throw new JsonSyntaxError('Unexpected control character in string (escape it)', this.index);
      if (code === 0x5c) {
        const escape = this.text[this.index + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) {
            throw new JsonSyntaxError('Invalid \\u escape in string', this.index);
          }
          this.index += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
          throw new JsonSyntaxError(`Invalid escape '\\${escape ?? ''}' in string`, this.index);
        }
        this.index += 2;
        continue;
      }
      this.index++;
    }
    this.index++;
    return JSON.parse(this.text.slice(start, this.index)) as string;
  }

  private parseNumber(): JsonNode {
    const start = this.index;
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('a number');
    this.index += match[0].length;
    return { kind: 'number', start, end: this.index, value: Number(match[0]) };
  }
}
