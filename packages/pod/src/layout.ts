import { join } from 'node:path';
import type { PodOs } from './os.js';
import type { PodDir } from './states.js';

/**
 * Modes. `pods/`, the state directories and the pod directories are setgid 0750: the group of the
 * data dir (`rkt`) propagates to every pod, so its members can list pods without root (rkt makes pod
 * dirs 0750 inside setgid parents, which the kernel turns into 2750). Directories are created on
 * demand with exactly these modes; existing ones keep theirs.
 */
export const STATE_DIR_MODE = 0o2750;
export const POD_DIR_MODE = 0o2750;
export const POD_FILE_MODE = 0o640;

export function podsRoot(dataDir: string): string {
  return join(dataDir, 'pods');
}

export function stateDirPath(dataDir: string, dir: PodDir): string {
  return join(dataDir, 'pods', dir);
}

export function podPath(dataDir: string, dir: PodDir, uuid: string): string {
  return join(dataDir, 'pods', dir, uuid);
}

/** Create `pods/` and `pods/<dir>/` if missing. */
export function ensureStateDir(os: PodOs, dataDir: string, dir: PodDir): string {
  const path = stateDirPath(dataDir, dir);
  if (os.stat(path)?.isDirectory) return path;
  os.mkdir(dataDir, STATE_DIR_MODE);
  os.mkdir(podsRoot(dataDir), STATE_DIR_MODE);
  os.mkdir(path, STATE_DIR_MODE);
  return path;
}

/** Files of a pod directory, relative to it (rkt.md §3.2, §2.3). */
export const POD_FILES = {
  manifest: 'pod',
  created: 'pod-created',
  pid: 'pid',
  ppid: 'ppid',
  netInfo: 'net-info.json',
  overlayPrepared: 'overlay-prepared',
  stage1TreeStoreId: 'stage1TreeStoreID',
  stage1Rootfs: 'stage1/rootfs',
} as const;

export function appImageManifestPath(podDir: string, app: string): string {
  return join(podDir, 'appsinfo', app, 'manifest');
}
