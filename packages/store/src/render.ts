import { join } from 'node:path';
import { encodeImageManifest, toStoreKey, type ImageManifest } from '@rkt/appc';
import { STORE_CORRUPT, storeError } from './errors.js';
import { flattenDeps, whitelistsOf } from './deps.js';
import { openBlob, readManifestText } from './images.js';
import { shouldChown, type InlineTree } from './inline-render.js';
import { isTreeId, treeIdOf } from './keys.js';
import type { Layout } from './layout.js';
import { withKeyLock } from './locks.js';
import { updateRecord } from './records.js';
import type { TreeWriter } from './tree/index.js';
import { commitTree, createTempTree, deleteTree, discardTempTree, readTree } from './tree-store.js';
import type { TreeRecord } from './types.js';

export async function treeIdFor(layout: Layout, key: string): Promise<string> {
  return treeIdOf((await flattenDeps(layout, key)).map((n) => n.key));
}

/**
 * Render once under the exclusive tree lock; a rendered tree is reused as is, found under the shared
 * lock (the common case of every `rkt run` of a stored image). The archive reader and tree writer
 * load only when a tree has to be written.
 */
export async function renderImage(layout: Layout, key: string): Promise<TreeRecord> {
  const list = await flattenDeps(layout, key);
  const id = treeIdOf(list.map((n) => n.key));
  const rendered = await withKeyLock(layout.treeLock(id), 'shared', () => readTree(layout, id));
  if (rendered) return rendered;
  const tree = await withKeyLock(layout.treeLock(id), 'exclusive', async () => {
    const existing = readTree(layout, id);
    if (existing) return existing;
    const temp = createTempTree(layout);
    try {
      const { TreeWriter } = await import('./tree/index.js');
      const writer = new TreeWriter(join(temp.path, 'rootfs'), { chown: shouldChown() });
      for (const node of list) {
        writer.beginImage(whitelistsOf(node));
        await renderOne(layout, node.key, writer);
      }
      const { hash, size } = await writer.finish();
      const manifest = await readManifestText(layout, key);
      return await commitTree(layout, temp, { id, imageKey: key, manifest, hash, size });
    } catch (e) {
      await discardTempTree(temp);
      throw e;
    }
  });
  await recordTreeSize(layout, key, tree.size);
  return tree;
}

async function renderOne(layout: Layout, key: string, writer: TreeWriter): Promise<void> {
  const { stream } = await openBlob(layout, key);
  const { readAci } = await import('@rkt/appc/aci');
  const summary = await readAci(stream, { onEntry: (entry, body) => writer.write(entry, body) });
  if (toStoreKey(summary.imageId) !== key) {
    throw storeError(STORE_CORRUPT, `the stored archive of image ${key} hashes to ${summary.imageId}`);
  }
}

/**
 * Finish a tree rendered during import. It is the image's whole tree only without dependencies
 * (then renderImage does the work later) and without a path whitelist (which the inline pass could
 * not apply: that image is rendered again now).
 */
export async function completeInlineTree(
  layout: Layout,
  tree: InlineTree,
  key: string,
  manifest: ImageManifest,
): Promise<void> {
  if ((manifest.dependencies ?? []).length > 0) return tree.discard();
  if ((manifest.pathWhitelist ?? []).length > 0) {
    await tree.discard();
    await renderImage(layout, key);
    return;
  }
  const id = treeIdOf([key]);
  try {
    const committed = await withKeyLock(layout.treeLock(id), 'exclusive', async () => {
      const existing = readTree(layout, id);
      if (existing) return existing;
      const { hash, size } = await tree.writer.finish();
      const text = encodeImageManifest(manifest);
      return commitTree(layout, tree.temp, { id, imageKey: key, manifest: text, hash, size });
    });
    await recordTreeSize(layout, key, committed.size);
  } finally {
    await tree.discard();
  }
}

async function recordTreeSize(layout: Layout, key: string, size: number): Promise<void> {
  await updateRecord(layout, key, (r) => (r.treeStoreSize === size ? r : { ...r, treeStoreSize: size }));
}

/** Remove a tree under its exclusive lock; the image it was rendered for no longer counts its size. */
export async function removeTree(layout: Layout, id: string): Promise<boolean> {
  if (!isTreeId(id)) return false;
  const tree = readTree(layout, id);
  const removed = await withKeyLock(layout.treeLock(id), 'exclusive', () => deleteTree(layout, id));
  if (tree && tree.imageKey) await recordTreeSize(layout, tree.imageKey, 0);
  return removed;
}
