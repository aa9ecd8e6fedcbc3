import { configSchema } from './schema.js';
import { loadConfig } from './load-config.js';
import { validateAgainstSchema } from './validate-config.js';
import type { CtxkitConfig } from './defaults.js';

export { ConfigError, CONFIG_FILE, mergeConfig } from './load-config.js';
export { defaultConfig } from './defaults.js';
export type { CtxkitConfig, GuardMode, InflightMode, Severity, BudgetOverride } from './defaults.js';

/** Validates a parsed config object; returns one message per problem. */
export function validateConfig(value: unknown): string[] {
  return validateAgainstSchema(value, configSchema as never);
}

/** Loads and validates ctxkit.config.json for CLI commands (the hook path uses loadConfig without validation). */
export function loadValidatedConfig(root: string): CtxkitConfig {
  return loadConfig(root, { validate: validateConfig });
}
