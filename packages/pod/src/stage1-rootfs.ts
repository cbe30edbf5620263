import { join } from 'node:path';
import { POD_FILES } from './layout.js';
import type { PodOs } from './os.js';

/**
 * Where the stage1 rootfs's files are readable: `stage1/rootfs`, or for an overlay pod the overlay's
 * upper dir (`overlay/<stage1TreeStoreID>/upper`), which holds what stage1 wrote even after the
 * overlay was unmounted. Undefined when an overlay pod lacks its tree id.
 */
export function stage1RootfsDir(os: PodOs, podDir: string): string | undefined {
  if (os.stat(join(podDir, POD_FILES.overlayPrepared)) === undefined)
    return join(podDir, POD_FILES.stage1Rootfs);
  const id = os.readFile(join(podDir, POD_FILES.stage1TreeStoreId))?.toString('utf8');
  return id === undefined ? undefined : join(podDir, 'overlay', id, 'upper');
}

/** `rkt/status/` inside the stage1 rootfs: `<app>` = exit code, `<app>-created`/`-started` markers. */
export function appStatusDir(os: PodOs, podDir: string): string | undefined {
  const rootfs = stage1RootfsDir(os, podDir);
  return rootfs === undefined ? undefined : join(rootfs, 'rkt', 'status');
}
