import { renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { encodeImageManifest, toStoreKey, type AciSummary, type ReadAciOptions } from '@rkt/appc';
import { readAci } from '@rkt/appc/aci';
import { IMAGE_ID_MISMATCH, storeError } from './errors.js';
import { startInlineTree, type InlineTree } from './inline-render.js';
import { DIR_MODE, makeDir, type Layout } from './layout.js';
import { withKeyLock } from './locks.js';
import { readRecord, writeRecord } from './records.js';
import { FileTee } from './tee.js';
import { createTempFile, discard, fsyncFd, fsyncPath, writeAtomic, type Temp } from './temp.js';
import type { ImageRecord, ImportOptions } from './types.js';

export interface Imported {
  record: ImageRecord;
  summary: AciSummary;
  existed: boolean;
  /** the tree rendered in the same pass, still to be committed or discarded */
  tree: InlineTree | undefined;
}

/**
 * One pass over the input: the raw bytes go to a locked temp file in cas/tmp while readAci
 * decompresses, hashes and validates them (and, with `render`, hands entries to a tree writer). Only
 * a complete, valid archive with the expected ID, accepted by `beforeCommit`, is moved into the store.
 */
export async function importArchive(layout: Layout, input: Readable, opts: ImportOptions): Promise<Imported> {
  const temp = createTempFile(layout);
  const tee = new FileTee(temp.lock.fd, opts.onBytes);
  let tree: InlineTree | undefined;
  let summary: AciSummary;
  try {
    tree = opts.render ? await startInlineTree(layout) : undefined;
    input.on('error', (e) => tee.destroy(e));
    input.pipe(tee);
    const read: ReadAciOptions = tree ? { onEntry: tree.write } : {};
    summary = await readAci(tee, read);
    await tee.drainRest();
    checkExpected(summary.imageId, opts.expectedId);
    await opts.beforeCommit?.(summary.manifest);
  } catch (e) {
    input.unpipe(tee);
    input.destroy();
    tee.destroy();
    await tee.idle();
    discard(temp);
    await tree?.discard();
    throw e;
  }
  try {
    const { record, existed } = await finalise(layout, temp, summary, tee.bytes, opts.latest ?? false);
    return { record, summary, existed, tree };
  } catch (e) {
    await tree?.discard();
    throw e;
  }
}

function checkExpected(id: string, expected: string | undefined): void {
  if (expected === undefined || id.startsWith(expected.toLowerCase())) return;
  throw storeError(IMAGE_ID_MISMATCH, `image ID mismatch: expected ${expected}, got ${id}`);
}

/**
 * Under the exclusive image lock: a known image only gets its record refreshed (as rkt rewrites its
 * row on every import); a new one gets blob, manifest, then record, each durable before the next.
 */
function finalise(
  layout: Layout,
  temp: Temp,
  summary: AciSummary,
  size: number,
  latest: boolean,
): Promise<{ record: ImageRecord; existed: boolean }> {
  const key = toStoreKey(summary.imageId);
  return withKeyLock(layout.imageLock(key), 'exclusive', async () => {
    const now = Date.now();
    const old = readRecord(layout, key);
    if (old) {
      discard(temp);
      const record: ImageRecord = { ...old, importTime: now, lastUsed: now, latest };
      await writeRecord(layout, record);
      return { record, existed: true };
    }
    try {
      await fsyncFd(temp.lock.fd);
      const blob = layout.blob(key);
      makeDir(dirname(blob), DIR_MODE);
      renameSync(temp.path, blob);
      await fsyncPath(dirname(blob));
    } finally {
      discard(temp);
    }
    const manifestPath = layout.manifest(key);
    makeDir(dirname(manifestPath), DIR_MODE);
    await writeAtomic(layout, manifestPath, encodeImageManifest(summary.manifest));
    const { manifest, imageId, compression, tarSize } = summary;
    const record: ImageRecord = {
      key,
      id: imageId,
      name: manifest.name,
      labels: manifest.labels ?? [],
      importTime: now,
      lastUsed: now,
      size,
      treeStoreSize: 0,
      latest,
      compression,
      tarSize,
    };
    await writeRecord(layout, record);
    return { record, existed: false };
  });
}
