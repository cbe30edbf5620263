import { parseAnnotations, type Annotation } from './annotations.js';
import { parseApp, type App } from './app.js';
import { readACName, readOptionalACIdentifier } from './identifiers.js';
import { readImageID } from './image-id.js';
import { at, expectArray, expectObject, getKey, item, optionalBoolean, requiredString } from './json.js';
import { parseLabels, type Label } from './labels.js';
import { fail, show } from './validation-error.js';
import { parseVolume, type Volume } from './volume.js';

/** The image an app runs. A reified pod manifest names every image by `id`. */
export interface RuntimeImage {
  name?: string;
  id?: string;
  labels?: Label[];
}

/** Mounts a pod volume (or the inline `appVolume`) at `path` inside one app. */
export interface Mount {
  volume: string;
  path: string;
  appVolume?: Volume;
}

export interface RuntimeApp {
  /** AC name, unique in the pod; need not match the image name. */
  name: string;
  image: RuntimeImage;
  /** Replaces the image's app section wholesale. */
  app?: App;
  readOnlyRootFS?: boolean;
  mounts?: Mount[];
  annotations?: Annotation[];
}

export function parseRuntimeApp(value: unknown, field: string, volumeNames: ReadonlySet<string>): RuntimeApp {
  const obj = expectObject(value, field);
  const f = (key: string): string => at(field, key);
  const ra: RuntimeApp = {
    name: readACName(getKey(obj, 'name'), f('name')),
    image: parseImage(getKey(obj, 'image'), f('image')),
  };
  if (getKey(obj, 'app') !== undefined) ra.app = parseApp(getKey(obj, 'app'), f('app'));
  const readOnly = optionalBoolean(getKey(obj, 'readOnlyRootFS'), f('readOnlyRootFS'));
  if (readOnly !== undefined) ra.readOnlyRootFS = readOnly;
  if (getKey(obj, 'mounts') !== undefined)
    ra.mounts = parseMounts(getKey(obj, 'mounts'), f('mounts'), volumeNames);
  if (getKey(obj, 'annotations') !== undefined)
    ra.annotations = parseAnnotations(getKey(obj, 'annotations'), f('annotations'));
  return ra;
}

function parseImage(value: unknown, field: string): RuntimeImage {
  if (value === undefined) return fail(field, 'is required');
  const obj = expectObject(value, field);
  const image: RuntimeImage = {};
  const name = readOptionalACIdentifier(getKey(obj, 'name'), at(field, 'name'));
  if (name !== undefined) image.name = name;
  if (getKey(obj, 'id') !== undefined) image.id = readImageID(getKey(obj, 'id'), at(field, 'id'));
  if (getKey(obj, 'labels') !== undefined)
    image.labels = parseLabels(getKey(obj, 'labels'), at(field, 'labels'));
  if (image.id === undefined && image.name === undefined) fail(field, 'must have an id or a name');
  return image;
}

function parseMounts(value: unknown, field: string, volumeNames: ReadonlySet<string>): Mount[] {
  return expectArray(value, field).map((v, i) => {
    const mountField = item(field, i);
    const obj = expectObject(v, mountField);
    const mount: Mount = {
      volume: readACName(getKey(obj, 'volume'), at(mountField, 'volume')),
      path: requiredString(getKey(obj, 'path'), at(mountField, 'path')),
    };
    if (getKey(obj, 'appVolume') !== undefined) {
      mount.appVolume = parseVolume(getKey(obj, 'appVolume'), at(mountField, 'appVolume'));
    } else if (!volumeNames.has(mount.volume)) {
      fail(at(mountField, 'volume'), `${show(mount.volume)} is not a volume of this pod`);
    }
    return mount;
  });
}
