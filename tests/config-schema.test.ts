import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { renderConfigDocs } from '../src/config/render-config-docs.js';
import { defaultConfig, validateConfig } from '../src/config/index.js';
import { PROJECT_ROOT } from './helpers/run-cli.js';

describe('published configuration schema', () => {
  it('schema/ctxkit.config.schema.json matches src/config/schema.ts (run node scripts/write-schema.js)', () => {
    const published = JSON.parse(readFileSync(`${PROJECT_ROOT}/schema/ctxkit.config.schema.json`, 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });

  it('docs/config.md documents every key (run node scripts/write-schema.js)', () => {
    expect(readFileSync(`${PROJECT_ROOT}/docs/config.md`, 'utf8')).toBe(renderConfigDocs(configSchema as never));
  });

  it('the defaults validate against the schema', () => {
    expect(validateConfig(JSON.parse(JSON.stringify(defaultConfig)))).toEqual([]);
  });

  it('every default key is described in the schema', () => {
    const walk = (value: unknown, node: any, path: string): string[] => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
      if (!node?.properties) return [];
      return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
        node.properties[key] ? walk(child, node.properties[key], `${path}${key}.`) : [`${path}${key}`],
      );
    };
    expect(walk(defaultConfig, configSchema, '')).toEqual([]);
  });
});
