import { at, expectArray, expectObject, getKey, item, optionalString, requiredString } from './json.js';
import { fail, show } from './validation-error.js';

export interface EnvironmentVariable {
  name: string;
  value: string;
}

// POSIX names plus `.` and `-`, which Go's schema allows.
const ENV_NAME = /^[A-Za-z_][A-Za-z_0-9.-]*$/;

export function parseEnvironment(value: unknown, field: string): EnvironmentVariable[] {
  const seen = new Set<string>();
  return expectArray(value, field).map((v, i) => {
    const obj = expectObject(v, item(field, i));
    const nameField = at(item(field, i), 'name');
    const name = requiredString(getKey(obj, 'name'), nameField);
    if (!ENV_NAME.test(name)) fail(nameField, `${show(name)} is not a valid environment variable name`);
    if (seen.has(name)) fail(nameField, `duplicate environment variable ${show(name)}`);
    seen.add(name);
    return { name, value: optionalString(getKey(obj, 'value'), at(item(field, i), 'value')) ?? '' };
  });
}
