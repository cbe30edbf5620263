import { readACName } from './identifiers.js';
import { at, expectArray, expectObject, getKey, item, optionalBoolean, requiredString } from './json.js';

/** A place in the app's filesystem where the pod must mount a volume. */
export interface MountPoint {
  name: string;
  path: string;
  readOnly?: boolean;
}

export function parseMountPoints(value: unknown, field: string): MountPoint[] {
  return expectArray(value, field).map((v, i) => {
    const mpField = item(field, i);
    const obj = expectObject(v, mpField);
    const out: MountPoint = {
      name: readACName(getKey(obj, 'name'), at(mpField, 'name')),
      path: requiredString(getKey(obj, 'path'), at(mpField, 'path')),
    };
    const readOnly = optionalBoolean(getKey(obj, 'readOnly'), at(mpField, 'readOnly'));
    if (readOnly !== undefined) out.readOnly = readOnly;
    return out;
  });
}
