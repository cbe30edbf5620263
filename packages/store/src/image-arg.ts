import { isACIdentifier, type Label } from '@rkt/appc';
import { IMAGE_NAME_INVALID, storeError } from './errors.js';

export interface ImageRef {
  name: string;
  labels: Label[];
}

/**
 * appc discovery's NewAppFromString: `name[:version][,label=value...]`. The one colon allowed must
 * come before any comma; `:v` means `version=v`; a label without `=` has an empty value.
 */
export function parseImageArg(arg: string): ImageRef {
  const comma = arg.indexOf(',');
  const colon = arg.indexOf(':');
  if (comma > -1 && colon > comma) fail(arg, 'a colon may appear only right after the image name');
  if (colon !== arg.lastIndexOf(':')) fail(arg, 'a colon may appear at most once');
  const [head = '', ...rest] = (colon > -1 ? arg.replace(':', ',version=') : arg).split(',');
  if (!isACIdentifier(head)) fail(arg, `"${head}" is not a valid image name`);
  const labels: Label[] = [];
  for (const part of rest) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    if (name === 'name' || labels.some((l) => l.name === name))
      fail(arg, `label ${name} given more than once`);
    if (!isACIdentifier(name)) fail(arg, `"${name}" is not a valid label name`);
    labels.push({ name, value });
  }
  return { name: head, labels };
}

function fail(arg: string, why: string): never {
  throw storeError(IMAGE_NAME_INVALID, `cannot parse the image name "${arg}": ${why}`);
}
