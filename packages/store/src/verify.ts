import type { Layout } from './layout.js';
import { withKeyLock } from './locks.js';
import { removeTree, renderImage, treeIdFor } from './render.js';
import { hashTree } from './tree/index.js';
import { readTree } from './tree-store.js';
import type { VerifyResult } from './types.js';

/** Re-hash the image's tree under the shared tree lock; a tree that changed is rendered again. */
export async function verifyTree(layout: Layout, key: string): Promise<VerifyResult> {
  const id = await treeIdFor(layout, key);
  const state = await withKeyLock(layout.treeLock(id), 'shared', async () => {
    const tree = readTree(layout, id);
    if (!tree) return 'not-rendered';
    return (await hashTree(tree.rootfs)) === tree.hash ? 'verified' : 'changed';
  });
  if (state !== 'changed') return state;
  await removeTree(layout, id);
  await renderImage(layout, key);
  return 'repaired';
}
