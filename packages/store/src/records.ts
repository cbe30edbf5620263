import { readdirSync, readFileSync } from 'node:fs';
import { STORE_CORRUPT, storeError } from './errors.js';
import { isStoreKey } from './keys.js';
import type { Layout } from './layout.js';
import { isMissing, withKeyLock } from './locks.js';
import { writeAtomic } from './temp.js';
import type { ImageRecord } from './types.js';

/** The index is one small JSON file per image, read synchronously: a lookup is a few syscalls. */
export function readRecord(layout: Layout, key: string): ImageRecord | undefined {
  const text = readOptional(layout.record(key));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ImageRecord;
  } catch (e) {
    throw storeError(STORE_CORRUPT, `corrupt image record ${layout.record(key)}`, e);
  }
}

/** Keys of every image in the store, from the index file names alone. */
export function listKeys(layout: Layout): string[] {
  const keys: string[] = [];
  for (const name of readdirSync(layout.index)) {
    const key = name.slice(0, -'.json'.length);
    if (name.endsWith('.json') && isStoreKey(key)) keys.push(key);
  }
  return keys;
}

export function listRecords(layout: Layout): ImageRecord[] {
  const out: ImageRecord[] = [];
  for (const key of listKeys(layout)) {
    const record = readRecord(layout, key);
    if (record) out.push(record);
  }
  return out;
}

/** Must be called with the image lock held exclusively. */
export function writeRecord(layout: Layout, record: ImageRecord): Promise<void> {
  return writeAtomic(layout, layout.record(record.key), `${JSON.stringify(record)}\n`);
}

/**
 * Read-modify-write a record under the exclusive image lock, so concurrent updates do not lose each
 * other and no update resurrects a removed image. `change` returning its argument writes nothing.
 * Returns the new record; undefined if there is none.
 */
export function updateRecord(
  layout: Layout,
  key: string,
  change: (r: ImageRecord) => ImageRecord,
): Promise<ImageRecord | undefined> {
  return withKeyLock(layout.imageLock(key), 'exclusive', async () => {
    const record = readRecord(layout, key);
    if (!record) return undefined;
    const next = change(record);
    if (next !== record) await writeRecord(layout, next);
    return next;
  });
}

export function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}
