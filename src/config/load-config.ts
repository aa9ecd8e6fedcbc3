import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type CtxkitConfig } from './defaults.js';

export const CONFIG_FILE = 'ctxkit.config.json';

/** Thrown when ctxkit.config.json exists but is not valid; the message lists every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges user values over defaults: objects merge key by key, arrays and scalars replace. */
export function mergeConfig<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in merged ? mergeConfig(merged[key], value) : value;
  }
  return merged as T;
}

/**
 * Reads `<root>/ctxkit.config.json` and applies defaults. A missing file means the defaults.
 * `validate` (from validate-config.ts) is passed in by callers that can afford it; the hook path skips it.
 */
export function loadConfig(root: string, options: { validate?: (value: unknown) => string[] } = {}): CtxkitConfig {
  const file = join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(defaultConfig);
    throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new ConfigError(`${file} must hold a JSON object.`);
  const problems = options.validate?.(parsed) ?? [];
  if (problems.length > 0) {
    throw new ConfigError(`${file} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return mergeConfig(structuredClone(defaultConfig), parsed);
}
