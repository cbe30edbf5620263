import { at, expectArray, expectObject, getKey, item, requiredString, stringArray } from './json.js';
import { fail, show } from './validation-error.js';

export type EventHandlerName = 'pre-start' | 'post-stop';

/** A command run before the app starts (`pre-start`) or after it stops (`post-stop`). */
export interface EventHandler {
  name: EventHandlerName;
  exec: string[];
}

const NAMES: readonly string[] = ['pre-start', 'post-stop'];

export function parseEventHandlers(value: unknown, field: string): EventHandler[] {
  const seen = new Set<string>();
  return expectArray(value, field).map((v, i) => {
    const obj = expectObject(v, item(field, i));
    const nameField = at(item(field, i), 'name');
    const name = requiredString(getKey(obj, 'name'), nameField);
    if (!NAMES.includes(name)) fail(nameField, `${show(name)} must be "pre-start" or "post-stop"`);
    if (seen.has(name)) fail(nameField, `only one ${show(name)} event handler is allowed`);
    seen.add(name);
    const execField = at(item(field, i), 'exec');
    const execValue = getKey(obj, 'exec');
    const exec = execValue === undefined ? [] : stringArray(execValue, execField);
    if (exec.length === 0) fail(execField, 'must be a non-empty command');
    return { name: name as EventHandlerName, exec };
  });
}
