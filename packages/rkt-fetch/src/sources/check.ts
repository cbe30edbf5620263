import type { ImageManifest } from '@rkt/appc';
import { RktError } from '@rkt/common';
import { CODES } from '../errors.js';
import type { ImageName } from '../image-name.js';

/** Discovery's rule (appc.md §8): the manifest carries the requested name and every requested label. */
export function checkDiscovered(manifest: ImageManifest, image: ImageName): void {
  const fail = (reason: string) =>
    new RktError(CODES.imageMismatch, `image discovered for ${JSON.stringify(image.name)} ${reason}`);
  if (manifest.name !== image.name) throw fail(`is named ${JSON.stringify(manifest.name)}`);
  for (const label of image.labels) {
    const value = manifest.labels?.find((l) => l.name === label.name)?.value;
    if (value === undefined) throw fail(`has no label ${JSON.stringify(label.name)}`);
    if (value !== label.value) {
      throw fail(`has ${label.name}=${JSON.stringify(value)}, not ${JSON.stringify(label.value)}`);
    }
  }
}
