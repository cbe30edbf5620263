import { join } from 'node:path';
import { POD_FILES } from './layout.js';
import type { PodOs } from './os.js';

/**
 * Where the stage1 rootfs's files are readable. This engine always copies the stage1 tree into
 * `stage1/rootfs` (it is a few scripts) and never mounts it, so unlike rkt there is no overlay upper
 * dir to look in; `overlay-prepared` only says that the apps' trees are overlays.
 */
export function stage1RootfsDir(_os: PodOs, podDir: string): string | undefined {
  return join(podDir, POD_FILES.stage1Rootfs);
}

/** `rkt/status/` inside the stage1 rootfs: `<app>` = exit code, `<app>-created`/`-started` markers. */
export function appStatusDir(os: PodOs, podDir: string): string | undefined {
  const rootfs = stage1RootfsDir(os, podDir);
  return rootfs === undefined ? undefined : join(rootfs, 'rkt', 'status');
}
