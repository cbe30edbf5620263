import { createReadStream, openSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { decodeImageManifest, type Compression, type ImageManifest } from '@rkt/appc';
import { imageNotFound, STORE_CORRUPT, storeError } from './errors.js';
import type { Layout } from './layout.js';
import { isMissing, withKeyLock } from './locks.js';
import { readOptional, readRecord, updateRecord } from './records.js';
import { fsyncPath } from './temp.js';

const BLOB_READ_CHUNK = 1 << 20;

/** The stored manifest text, read under the shared image lock. */
export function readManifestText(layout: Layout, key: string): Promise<string> {
  return withKeyLock(layout.imageLock(key), 'shared', () => {
    if (!readRecord(layout, key)) throw imageNotFound(key);
    const text = readOptional(layout.manifest(key));
    if (text === undefined) throw storeError(STORE_CORRUPT, `the manifest of image ${key} is missing`);
    return text;
  });
}

export async function readManifest(layout: Layout, key: string): Promise<ImageManifest> {
  const text = await readManifestText(layout, key);
  try {
    return decodeImageManifest(text);
  } catch (e) {
    throw storeError(STORE_CORRUPT, `the stored manifest of image ${key} is invalid`, e);
  }
}

/** Open the blob under the shared image lock (an open file survives a later removal), then bump lastUsed. */
export async function openBlob(
  layout: Layout,
  key: string,
): Promise<{ stream: Readable; compression: Compression }> {
  const { fd, compression } = await withKeyLock(layout.imageLock(key), 'shared', () => {
    const record = readRecord(layout, key);
    if (!record) throw imageNotFound(key);
    try {
      return { fd: openSync(layout.blob(key), 'r'), compression: record.compression };
    } catch (e) {
      if (isMissing(e)) throw storeError(STORE_CORRUPT, `the archive of image ${key} is missing`, e);
      throw e;
    }
  });
  const stream = createReadStream('', { fd, highWaterMark: BLOB_READ_CHUNK });
  try {
    await touchImage(layout, key);
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return { stream, compression };
}

export async function touchImage(layout: Layout, key: string): Promise<void> {
  const now = Date.now();
  const updated = await updateRecord(layout, key, (r) => ({ ...r, lastUsed: Math.max(now, r.lastUsed) }));
  if (!updated) throw imageNotFound(key);
}

/** The record goes first: from then on the image does not exist, whatever a crash leaves behind. */
export async function removeImage(layout: Layout, key: string): Promise<void> {
  await withKeyLock(layout.imageLock(key), 'exclusive', async () => {
    if (!readRecord(layout, key)) throw imageNotFound(key);
    unlinkSync(layout.record(key));
    await fsyncPath(layout.index);
    for (const path of [layout.blob(key), layout.manifest(key)]) removeIfPresent(path);
    await fsyncPath(dirname(layout.blob(key)));
  });
}

export function removeIfPresent(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    if (isMissing(e)) return false;
    throw e;
  }
}
