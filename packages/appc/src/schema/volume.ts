import { readACName } from './identifiers.js';
import {
  at,
  expectArray,
  expectInteger,
  expectObject,
  getKey,
  item,
  optionalBoolean,
  optionalString,
  requiredString,
} from './json.js';
import type { JsonObject } from './json.js';
import { fail, show } from './validation-error.js';

interface VolumeBase {
  name: string;
  readOnly?: boolean;
  /** Bind recursively (rbind); absent means the executor's default, which should be recursive. */
  recursive?: boolean;
}

/** A host directory bind-mounted into the pod. */
export interface HostVolume extends VolumeBase {
  kind: 'host';
  /** Absolute host path. */
  source: string;
}

/** A fresh empty directory owned by uid:gid with the given octal mode (defaults filled on parse). */
export interface EmptyVolume extends VolumeBase {
  kind: 'empty';
  mode: string;
  uid: number;
  gid: number;
}

export type Volume = HostVolume | EmptyVolume;

export const DEFAULT_EMPTY_VOLUME_MODE = '0755';
const MAX_ID = 4294967294;
const OCTAL_MODE = /^0?[0-7]{1,4}$/;

export function parseVolume(value: unknown, field: string): Volume {
  const obj = expectObject(value, field);
  const f = (key: string): string => at(field, key);
  const name = readACName(getKey(obj, 'name'), f('name'));
  const kind = requiredString(getKey(obj, 'kind'), f('kind'));
  const base: VolumeBase = { name };
  const readOnly = optionalBoolean(getKey(obj, 'readOnly'), f('readOnly'));
  const recursive = optionalBoolean(getKey(obj, 'recursive'), f('recursive'));
  if (readOnly !== undefined) base.readOnly = readOnly;
  if (recursive !== undefined) base.recursive = recursive;
  const source = optionalString(getKey(obj, 'source'), f('source')) ?? '';
  if (kind === 'host') return hostVolume(obj, base, source, field);
  if (kind === 'empty') {
    if (source !== '') fail(f('source'), `must be empty for an "empty" volume, got ${show(source)}`);
    return emptyVolume(obj, base, field);
  }
  return fail(f('kind'), `must be "host" or "empty", got ${show(kind)}`);
}

function hostVolume(obj: JsonObject, base: VolumeBase, source: string, field: string): HostVolume {
  if (source === '') fail(at(field, 'source'), 'is required for a "host" volume');
  if (!source.startsWith('/')) fail(at(field, 'source'), `must be an absolute path, got ${show(source)}`);
  for (const key of ['mode', 'uid', 'gid']) {
    if (getKey(obj, key) !== undefined) fail(at(field, key), 'is only allowed for "empty" volumes');
  }
  return { ...base, kind: 'host', source };
}

function emptyVolume(obj: JsonObject, base: VolumeBase, field: string): EmptyVolume {
  const mode = optionalString(getKey(obj, 'mode'), at(field, 'mode')) ?? DEFAULT_EMPTY_VOLUME_MODE;
  if (!OCTAL_MODE.test(mode)) fail(at(field, 'mode'), `${show(mode)} is not an octal mode such as "0755"`);
  const id = (key: 'uid' | 'gid'): number => {
    const v = getKey(obj, key);
    return v === undefined ? 0 : expectInteger(v, at(field, key), 0, MAX_ID);
  };
  return { ...base, kind: 'empty', mode, uid: id('uid'), gid: id('gid') };
}

export function parseVolumes(value: unknown, field: string): Volume[] {
  const seen = new Set<string>();
  return expectArray(value, field).map((v, i) => {
    const volume = parseVolume(v, item(field, i));
    if (seen.has(volume.name)) fail(at(item(field, i), 'name'), `duplicate volume ${show(volume.name)}`);
    seen.add(volume.name);
    return volume;
  });
}
