/**
 * Puts ctxkit's matcher groups into the text of a settings file, touching nothing else: the user's hooks, other
 * keys, their order and the file's formatting stay as they were. Running it twice changes nothing the second time.
 */
import type { HooksConfig, MatcherGroup } from './settings-types.js';
import { appendItem, appendMember, detectJsonStyle, formatNewJsonFile, removeItem, removeMember, replaceValue } from './edit-json-text.js';
import { findCtxkitHandlers, type IsCtxkitEntry } from './find-ctxkit-handlers.js';
import { findMember, jsonValueOf, parseJsonTree, type JsonNode } from './parse-json-tree.js';

/** What happened to one event. */
export interface HookChange {
  event: string;
  action: 'added' | 'updated' | 'unchanged' | 'removed';
}

export interface MergeResult {
  text: string;
  changes: HookChange[];
  /** The file had no `hooks` key (or did not exist) and now has one. */
  createdHooksKey: boolean;
  /** Event keys that did not exist before. */
  createdEvents: string[];
}

/** Parses text that the caller has already checked (parseSettingsText); a failure here is a bug. */
export function parseCheckedJson(text: string): JsonNode {
  const result = parseJsonTree(text);
  if (!result.ok) throw new Error(`Settings text stopped parsing during an edit: ${result.error.message}`);
  return result.root;
}

function hooksNode(text: string): JsonNode | undefined {
  return findMember(parseCheckedJson(text), 'hooks')?.value;
}

function eventNode(text: string, event: string): JsonNode | undefined {
  const hooks = hooksNode(text);
  return hooks ? findMember(hooks, event)?.value : undefined;
}

function sameJson(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (typeof left === 'object' && left !== null && typeof right === 'object' && right !== null) {
    const leftKeys = Object.keys(left);
    const rightKeys = Object.keys(right);
    return (
      leftKeys.length === rightKeys.length &&
      leftKeys.every((key) => key in right && sameJson((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]))
    );
  }
  return left === right;
}

/**
 * Removes one handler; a group left without handlers goes too, and an event array left empty goes when
 * `removeEmptyEvent(event)` says so. Returns the new text.
 */
export function removeHandlerAt(
  text: string,
  location: { key: string; groupIndex: number; handlerIndex: number },
  removeEmptyEvent: (event: string) => boolean,
): string {
  const hooks = hooksNode(text);
  const events = hooks?.kind === 'object' ? hooks : undefined;
  const eventIndex = events ? events.members.findLastIndex((member) => member.key === location.key) : -1;
  if (!events || eventIndex < 0) throw new Error(`No hooks.${location.key} to remove from`);
  const groups = events.members[eventIndex].value;
  if (groups.kind !== 'array') throw new Error(`hooks.${location.key} is not an array`);
  const group = groups.items[location.groupIndex];
  const handlers = group?.kind === 'object' ? findMember(group, 'hooks')?.value : undefined;
  if (!handlers || handlers.kind !== 'array') throw new Error(`hooks.${location.key}[${location.groupIndex}] has no handler array`);
  if (handlers.items.length > 1) return removeItem(text, handlers, location.handlerIndex);
  if (groups.items.length > 1 || !removeEmptyEvent(location.key)) return removeItem(text, groups, location.groupIndex);
  return removeMember(text, events, eventIndex);
}

/**
 * Merges `desired` (from buildCtxkitHooks) into a settings file's text. `text` undefined means the file does not
 * exist. The caller must have checked the text (valid JSON, an object, `hooks` an object of arrays).
 * - An event without ctxkit's group gets it appended (the event key is appended when missing).
 * - An event whose only ctxkit handler sits alone in its group gets that group replaced in place when it differs.
 * - ctxkit handlers elsewhere (sharing a group with the user's, duplicates) are removed and the group appended.
 * - ctxkit handlers under events the plan no longer has are removed (an upgrade drops them).
 */
export function mergeCtxkitHooks(text: string | undefined, desired: HooksConfig, isCtxkitEntry: IsCtxkitEntry): MergeResult {
  const events = Object.keys(desired);
  if (text === undefined || text.trim() === '') {
    return {
      text: formatNewJsonFile({ hooks: desired }),
      changes: events.map((event) => ({ event, action: 'added' })),
      createdHooksKey: true,
      createdEvents: events,
    };
  }
  const style = detectJsonStyle(text);
  const root = parseCheckedJson(text);
  if (root.kind !== 'object') throw new Error('Settings root is not an object');
  if (!findMember(root, 'hooks')) {
    return {
      text: appendMember(text, root, 'hooks', desired, style),
      changes: events.map((event) => ({ event, action: 'added' })),
      createdHooksKey: true,
      createdEvents: events,
    };
  }

  let current = text;
  const changes: HookChange[] = [];
  const createdEvents: string[] = [];
  const found = () => findCtxkitHandlers(jsonValueOf(parseCheckedJson(current)), isCtxkitEntry);

  // Stale events first, last location first so earlier indices stay valid.
  const stale = found().filter((location) => !(location.key in desired));
  for (const location of stale.reverse()) current = removeHandlerAt(current, location, () => true);
  for (const key of new Set(stale.map((location) => location.key))) changes.push({ event: key, action: 'removed' });

  for (const event of events) {
    const group: MatcherGroup = desired[event][0];
    const here = found().filter((location) => location.key === event);
    const groupsNode = eventNode(current, event);
    if (here.length === 1 && groupsNode?.kind === 'array') {
      const groupNode = groupsNode.items[here[0].groupIndex];
      const groupValue = jsonValueOf(groupNode) as { hooks: unknown[] };
      if (groupValue.hooks.length === 1) {
        if (sameJson(groupValue, group)) {
          changes.push({ event, action: 'unchanged' });
        } else {
          current = replaceValue(current, groupNode, group, style);
          changes.push({ event, action: 'updated' });
        }
        continue;
      }
    }
    for (const location of [...here].reverse()) current = removeHandlerAt(current, location, () => false);
    const groups = eventNode(current, event);
    if (groups) {
      current = appendItem(current, groups, group, style);
    } else {
      current = appendMember(current, hooksNode(current)!, event, [group], style);
      createdEvents.push(event);
    }
    changes.push({ event, action: here.length > 0 ? 'updated' : 'added' });
  }
  return { text: current, changes, createdHooksKey: false, createdEvents };
}
