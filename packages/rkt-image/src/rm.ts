import { isRktError } from '@rkt/common';
import type { ImageRecord, Store } from '@rkt/store';
import { errorMessage } from './errors.js';
import { resolveImage } from './resolve.js';

export interface RemovalFailure {
  key: string;
  name: string;
  message: string;
}

export interface RemovalResult {
  /** store keys removed, in order */
  removed: string[];
  failed: RemovalFailure[];
}

export interface RemoveReport extends RemovalResult {
  /** arguments that named no image (or several), with the store's reason */
  unresolved: { image: string; message: string }[];
}

/** Remove the given images; each is removed once however many arguments name it. */
export async function removeRecords(
  store: Pick<Store, 'removeImage'>,
  records: readonly Pick<ImageRecord, 'key' | 'name'>[],
): Promise<RemovalResult> {
  const result: RemovalResult = { removed: [], failed: [] };
  const done = new Set<string>();
  for (const { key, name } of records) {
    if (done.has(key)) continue;
    done.add(key);
    try {
      await store.removeImage(key);
      result.removed.push(key);
    } catch (err) {
      result.failed.push({ key, name, message: errorMessage(err) });
    }
  }
  return result;
}

/**
 * `rkt image rm`: resolve every argument (ID prefix or name), then remove what resolved. Like rkt, an
 * argument that names no image is reported and skipped, not a failure.
 */
export async function removeImages(
  store: Pick<Store, 'resolveImageArg' | 'removeImage'>,
  images: readonly string[],
): Promise<RemoveReport> {
  const unresolved: RemoveReport['unresolved'] = [];
  const records: ImageRecord[] = [];
  for (const image of images) {
    try {
      records.push(await resolveImage(store, image));
    } catch (err) {
      if (!isRktError(err)) throw err;
      unresolved.push({ image, message: err.message });
    }
  }
  return { unresolved, ...(await removeRecords(store, records)) };
}
