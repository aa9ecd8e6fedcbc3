import { ConfigError, loadValidatedConfig, type CtxkitConfig } from '../config/index.js';
import { UserError } from './errors.js';

/** The project's ctxkit.config.json for a command: a config problem is the user's to fix (exit 2, message only). */
export function loadCommandConfig(root: string): CtxkitConfig {
  try {
    return loadValidatedConfig(root);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
}
