import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeImageManifest, type ImageManifest } from '@rkt/appc';
import { RktError } from '@rkt/common';
import type { AppRootfs } from '@rkt/stage1';
import type { Store } from '@rkt/store';

/** Copy a tree with everything a rootfs holds (owners, modes, links, devices): coreutils cp -a. */
export function copyTree(from: string, to: string): void {
  const r = spawnSync('cp', ['-a', '--no-target-directory', from, to], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new RktError('POD_PREPARE', `cannot copy ${from} to ${to}: ${r.stderr.trim() || r.error?.message}`);
}

/**
 * The stage1 tree is copied into the pod (a few small files), so its entrypoints exist everywhere.
 * Copied in-process: a stage1 holds regular files, directories and symlinks owned by root, and a
 * cp(1) process would cost more than the copy.
 */
export async function layStage1(store: Store, podDir: string, key: string): Promise<ImageManifest> {
  const tree = await store.renderImage(key);
  const manifest = await store.readManifest(key);
  mkdirSync(join(podDir, 'stage1'), { mode: 0o750 });
  writeFileSync(join(podDir, 'stage1', 'manifest'), encodeImageManifest(manifest), { mode: 0o640 });
  cpSync(tree.rootfs, join(podDir, 'stage1', 'rootfs'), {
    recursive: true,
    preserveTimestamps: true,
    verbatimSymlinks: true,
  });
  writeFileSync(join(podDir, 'stage1TreeStoreID'), tree.id, { mode: 0o640 });
  return manifest;
}

/**
 * Render an app's image with its dependencies and lay it out for the pod: an overlay over the tree
 * store (mounted later by stage1, inside the pod's own mount namespace), or a copy with --no-overlay.
 */
export async function layApp(
  store: Store,
  podDir: string,
  app: { name: string; key: string },
  overlay: boolean,
): Promise<{ manifest: ImageManifest; rootfs: AppRootfs }> {
  const tree = await store.renderImage(app.key);
  const manifest = await store.readManifest(app.key);
  const info = join(podDir, 'appsinfo', app.name);
  mkdirSync(info, { recursive: true, mode: 0o750 });
  writeFileSync(join(info, 'manifest'), encodeImageManifest(manifest), { mode: 0o640 });
  writeFileSync(join(info, 'treeStoreID'), tree.id, { mode: 0o640 });
  if (overlay) return { manifest, rootfs: { kind: 'overlay', lower: tree.rootfs, treeStoreId: tree.id } };
  const target = join(podDir, 'stage1', 'rootfs', 'opt', 'stage2', app.name);
  mkdirSync(target, { recursive: true, mode: 0o755 });
  copyTree(tree.rootfs, join(target, 'rootfs'));
  return { manifest, rootfs: { kind: 'copy' } };
}

let overlayAvailable: boolean | undefined;

/** overlayfs is usable when the kernel lists it (rkt also checks after `modprobe overlay`). */
export function overlaySupported(): boolean {
  overlayAvailable ??= /\soverlay$/m.test(readFileSync('/proc/filesystems', 'utf8'));
  return overlayAvailable;
}
