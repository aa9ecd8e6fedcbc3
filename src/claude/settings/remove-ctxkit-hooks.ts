/** Takes ctxkit's handlers out of a settings file's text and nothing else. */
import { removeMember } from './edit-json-text.js';
import { findCtxkitHandlers, type IsCtxkitEntry } from './find-ctxkit-handlers.js';
import { removeHandlerAt, parseCheckedJson } from './merge-ctxkit-hooks.js';
import { findMember, jsonValueOf } from './parse-json-tree.js';

export interface RemoveOptions {
  isCtxkitEntry: IsCtxkitEntry;
  /** Remove an event array that the removal leaves empty (default: yes). Install records which events it created. */
  removeEmptyEvent?: (event: string) => boolean;
  /** Remove `hooks` when the removal leaves it `{}` (only when ctxkit created it). */
  removeEmptyHooksKey: boolean;
}

export interface RemoveResult {
  text: string;
  /** Event keys ctxkit handlers were removed from, in file order. */
  removedFrom: string[];
  /** What is left is `{}`: nothing but what ctxkit put there. */
  isEmpty: boolean;
}

/** Removes every ctxkit handler; emptied groups go, emptied events and `hooks` go as the options say. */
export function removeCtxkitHooks(text: string, options: RemoveOptions): RemoveResult {
  let current = text;
  const removedFrom: string[] = [];
  const removeEmptyEvent = options.removeEmptyEvent ?? (() => true);
  for (;;) {
    const [next] = findCtxkitHandlers(jsonValueOf(parseCheckedJson(current)), options.isCtxkitEntry).reverse();
    if (!next) break;
    current = removeHandlerAt(current, next, removeEmptyEvent);
    if (!removedFrom.includes(next.key)) removedFrom.unshift(next.key);
  }
  const root = parseCheckedJson(current);
  const hooks = findMember(root, 'hooks');
  if (removedFrom.length > 0 && options.removeEmptyHooksKey && hooks?.value.kind === 'object' && hooks.value.members.length === 0 && root.kind === 'object') {
    current = removeMember(current, root, root.members.lastIndexOf(hooks));
  }
  const after = parseCheckedJson(current);
  return { text: current, removedFrom, isEmpty: after.kind === 'object' && after.members.length === 0 };
}
