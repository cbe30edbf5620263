import { readACIdentifier } from './identifiers.js';
import { readImageID } from './image-id.js';
import { at, expectArray, expectInteger, expectObject, getKey, item } from './json.js';
import { parseLabels, type Label } from './labels.js';

/** An image whose rootfs is laid down under this one's (appc "dependencies"). */
export interface Dependency {
  imageName: string;
  /** When given, the fetched dependency must hash to this ID. */
  imageID?: string;
  labels?: Label[];
  /** Expected size in bytes; executors should stop reading past it. */
  size?: number;
}

export function parseDependencies(value: unknown, field: string): Dependency[] {
  return expectArray(value, field).map((v, i) => {
    const depField = item(field, i);
    const obj = expectObject(v, depField);
    const dep: Dependency = {
      imageName: readACIdentifier(getKey(obj, 'imageName'), at(depField, 'imageName')),
    };
    const id = getKey(obj, 'imageID');
    if (id !== undefined) dep.imageID = readImageID(id, at(depField, 'imageID'));
    const labels = getKey(obj, 'labels');
    if (labels !== undefined) dep.labels = parseLabels(labels, at(depField, 'labels'));
    const size = getKey(obj, 'size');
    if (size !== undefined) dep.size = expectInteger(size, at(depField, 'size'), 0, Number.MAX_SAFE_INTEGER);
    return dep;
  });
}
