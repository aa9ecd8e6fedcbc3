/**
 * Validates a parsed ctxkit.config.json against the subset of JSON Schema that configSchema uses
 * (type, properties, additionalProperties, required, enum, minimum, items). Returns every problem,
 * each naming the key path and what was expected, so one run shows the whole list.
 */
type SchemaNode = {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: readonly string[];
  enum?: readonly string[];
  minimum?: number;
  items?: SchemaNode;
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export function validateAgainstSchema(value: unknown, schema: SchemaNode, path = ''): string[] {
  const where = path || '(root)';
  if (schema.type && !matchesType(value, schema.type)) {
    return [`${where}: expected ${schema.type}, got ${typeOf(value)}`];
  }
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value as string)) {
    problems.push(`${where}: expected one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) {
    problems.push(`${where}: expected at least ${schema.minimum}, got ${value}`);
  }
  if (schema.items && Array.isArray(value)) {
    value.forEach((item, index) => problems.push(...validateAgainstSchema(item, schema.items!, `${path}[${index}]`)));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) problems.push(`${where}: missing required key "${key}"`);
    }
    for (const [key, child] of Object.entries(record)) {
      const childPath = path ? `${path}.${key}` : key;
      const known = schema.properties?.[key];
      if (known) problems.push(...validateAgainstSchema(child, known, childPath));
      else if (schema.additionalProperties === false) problems.push(`${childPath}: unknown key`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...validateAgainstSchema(child, schema.additionalProperties, childPath));
    }
  }
  return problems;
}
