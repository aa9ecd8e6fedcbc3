/**
 * Renders the configuration reference (docs/config.md) from the JSON Schema, so the README's
 * promise that every key is documented holds by construction.
 */
interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: readonly string[];
  minimum?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

function describeType(node: SchemaNode): string {
  if (node.enum) return node.enum.map((value) => `\`${value}\``).join(' \\| ');
  if (node.type === 'array') return `array of ${node.items?.type ?? 'values'}`;
  if (node.type === 'object' && typeof node.additionalProperties === 'object') return `map of ${node.additionalProperties.type ?? 'values'}`;
  return node.type ?? 'any';
}

function rows(node: SchemaNode, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (key === '$schema') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (child.properties) {
      if (child.description) out.push(`| \`${path}\` | object | | ${child.description} |`);
      out.push(...rows(child, path));
      continue;
    }
    const fallback = child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``;
    out.push(`| \`${path}\` | ${describeType(child)} | ${fallback} | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
  }
  return out;
}

export function renderConfigDocs(schema: SchemaNode): string {
  return [
    '<!-- Generated from src/config/schema.ts by `node scripts/write-schema.js`; do not edit by hand. -->',
    '## Configuration reference: `ctxkit.config.json`',
    '',
    'Every key is optional. Put the file at the project root; `"$schema": "./node_modules/ctxkit/schema/ctxkit.config.schema.json"` gives editors completion.',
    'An invalid file is refused with every problem listed (key path and what was expected); hooks then do nothing but log the error, and `ctxkit doctor` shows it.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows(schema, ''),
    '',
  ].join('\n');
}
