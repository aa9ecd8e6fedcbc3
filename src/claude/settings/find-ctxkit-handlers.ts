import { readCtxkitHandler, type CtxkitHandlerInfo } from '../ctxkit-hooks.js';

/** Where one of ctxkit's handlers sits in a settings (or plugin hooks.json) object. */
export interface CtxkitHandlerLocation extends CtxkitHandlerInfo {
  /** The event key it is listed under (normally equal to `event`, the argument it passes). */
  key: string;
  groupIndex: number;
  handlerIndex: number;
  /** The group's matcher, when it has one. */
  matcher?: string;
  timeout?: number;
}

/** Decides whether an entry path (from a handler that has ctxkit's form) is really ctxkit's. */
export type IsCtxkitEntry = (entryPath: string) => boolean;

/**
 * Lists ctxkit's handlers in an object that has a `hooks` member (settings.json, a plugin's hooks/hooks.json).
 * Malformed parts are skipped, not reported: validateSettings is the place for that.
 */
export function findCtxkitHandlers(settings: unknown, isCtxkitEntry: IsCtxkitEntry): CtxkitHandlerLocation[] {
  const found: CtxkitHandlerLocation[] = [];
  if (typeof settings !== 'object' || settings === null) return found;
  const hooks = (settings as { hooks?: unknown }).hooks;
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return found;
  for (const [key, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group: unknown, groupIndex) => {
      if (typeof group !== 'object' || group === null) return;
      const { matcher, hooks: handlers } = group as { matcher?: unknown; hooks?: unknown };
      if (!Array.isArray(handlers)) return;
      handlers.forEach((handler: unknown, handlerIndex) => {
        const info = readCtxkitHandler(handler);
        if (!info || !isCtxkitEntry(info.entryPath)) return;
        const timeout = (handler as { timeout?: unknown }).timeout;
        found.push({
          ...info,
          key,
          groupIndex,
          handlerIndex,
          ...(typeof matcher === 'string' ? { matcher } : {}),
          ...(typeof timeout === 'number' ? { timeout } : {}),
        });
      });
    });
  }
  return found;
}
