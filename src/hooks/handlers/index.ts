import type { HookDeps } from '../hook-deps.js';
import type { HookEventMap, HookEventName } from '../hook-events.js';
import type { HookResult } from '../hook-output.js';

/** A handler: a function of the event and its dependencies that RETURNS its output (never prints). */
export type HookHandler<E extends HookEventName = HookEventName> = (event: HookEventMap[E], deps: HookDeps) => Promise<HookResult | undefined>;

type HandlerModule<E extends HookEventName> = { default: HookHandler<E> };

/** One module per event, loaded only when that event fires (explicit list, not a directory scan). */
export const handlerLoaders: { [E in HookEventName]: () => Promise<HandlerModule<E>> } = {
  SessionStart: () => import('./session-start.js'),
  UserPromptSubmit: () => import('./user-prompt-submit.js'),
  PreToolUse: () => import('./pre-tool-use.js'),
  PostToolUse: () => import('./post-tool-use.js'),
  PostToolUseFailure: () => import('./post-tool-use-failure.js'),
  PostToolBatch: () => import('./post-tool-batch.js'),
  SubagentStart: () => import('./subagent-start.js'),
  SubagentStop: () => import('./subagent-stop.js'),
  PreCompact: () => import('./pre-compact.js'),
  PostCompact: () => import('./post-compact.js'),
  Stop: () => import('./stop.js'),
  StopFailure: () => import('./stop-failure.js'),
  SessionEnd: () => import('./session-end.js'),
};

/** Loads the handler for an event, typed for the dispatcher (which has already validated the event). */
export async function loadHandler(event: HookEventName): Promise<(event: HookEventMap[HookEventName], deps: HookDeps) => Promise<HookResult | undefined>> {
  const module = (await handlerLoaders[event]()) as { default: (event: HookEventMap[HookEventName], deps: HookDeps) => Promise<HookResult | undefined> };
  return module.default;
}
