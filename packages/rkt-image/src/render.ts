import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeImageManifest } from '@rkt/appc';
import { isRktError } from '@rkt/common';
import type { Store } from '@rkt/store';
import { copyTree } from './copy-tree.js';
import { failure } from './errors.js';
import { discardOutputDir, prepareOutputDir } from './output-dir.js';
import { resolveImage } from './resolve.js';

export interface RenderOptions {
  /** copy only the rendered rootfs, as the top of DIR */
  rootfsOnly: boolean;
  /** replace an existing DIR */
  overwrite: boolean;
}

export interface RenderResult {
  key: string;
  treeId: string;
  /** absolute path of DIR */
  path: string;
  /** the cached tree failed its hash check and was rendered again */
  repaired: boolean;
}

/**
 * `rkt image render`: the image with all its dependencies, as a pod would see it, into DIR
 * (`manifest` + `rootfs/`, or only the rootfs). Renders through the tree store (reusing a cached tree
 * after checking its hash) and copies the tree out.
 */
export async function renderImageTo(
  store: Pick<Store, 'resolveImageArg' | 'renderImage' | 'verifyTree' | 'readManifest'>,
  image: string,
  dir: string,
  opts: RenderOptions,
): Promise<RenderResult> {
  const record = await resolveImage(store, image);
  let tree = await store.renderImage(record.key).catch((err: unknown) => {
    throw failure('RENDER_FAILED', 'error rendering ACI', err);
  });
  const repaired = (await store.verifyTree(record.key)) === 'repaired';
  if (repaired) tree = await store.renderImage(record.key);
  const manifest = opts.rootfsOnly ? undefined : encodeImageManifest(await store.readManifest(record.key));
  const out = await prepareOutputDir(dir, opts.overwrite);
  try {
    if (manifest !== undefined) await writeFile(join(out.path, 'manifest'), manifest, { mode: 0o644 });
    await copyTree(tree.rootfs, opts.rootfsOnly ? out.path : join(out.path, 'rootfs'));
  } catch (err) {
    await discardOutputDir(out);
    throw isRktError(err) ? err : failure('RENDER_FAILED', 'error writing rendered image', err);
  }
  return { key: record.key, treeId: tree.id, path: out.path, repaired };
}
