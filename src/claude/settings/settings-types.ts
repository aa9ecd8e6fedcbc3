/** The parts of Claude Code's settings.json that ctxkit reads and writes (shape: claude-code.md §4.1). */

/** An exec-form or shell-form command handler. */
export interface CommandHookHandler {
  type: 'command';
  command: string;
  args?: string[];
  timeout?: number;
  statusMessage?: string;
  if?: string;
  shell?: 'bash' | 'powershell';
  async?: boolean;
  asyncRewake?: boolean;
  once?: boolean;
}

/** One entry of an event's array: an optional matcher and the handlers it runs. */
export interface MatcherGroup {
  matcher?: string;
  hooks: CommandHookHandler[];
}

/** `settings.hooks`: event name to matcher groups. */
export type HooksConfig = Record<string, MatcherGroup[]>;

/** The three settings files a user can install into. */
export type SettingsScope = 'user' | 'project' | 'local';

export const SETTINGS_SCOPES: readonly SettingsScope[] = ['user', 'project', 'local'];
