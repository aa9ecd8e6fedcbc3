import { hookEventFields, isHookEventName, type FieldType, type HookEvent } from './hook-events.js';

export type Validation = { ok: true; event: HookEvent } | { ok: false; error: string };

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'present':
      return value !== undefined;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/**
 * Checks a parsed stdin payload against the event named on the command line: a JSON object whose
 * `hook_event_name` is that event, with the fields ctxkit needs, of the right types.
 */
export function validateEvent(eventName: string, payload: unknown): Validation {
  if (!isHookEventName(eventName)) return { ok: false, error: `unknown event '${eventName}'` };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, error: 'stdin is not a JSON object' };
  const record = payload as Record<string, unknown>;
  if (record.hook_event_name !== eventName) {
    return { ok: false, error: `hook_event_name is ${JSON.stringify(record.hook_event_name)}, expected "${eventName}"` };
  }
  for (const [field, type] of Object.entries(hookEventFields[eventName]) as Array<[string, FieldType]>) {
    if (!hasType(record[field], type)) {
      return { ok: false, error: `field ${field} ${record[field] === undefined ? 'is missing' : `is not ${type === 'present' ? 'present' : `a ${type}`}`}` };
    }
  }
  return { ok: true, event: payload as HookEvent };
}
