import { LockedPod } from './locked-pod.js';
import { podPath } from './layout.js';
import { nodeOs, type PodOs } from './os.js';
import type { PodDir } from './states.js';

const GARBAGE_DIRS: readonly PodDir[] = ['exited-garbage', 'garbage'];

export interface LockForDeletionOptions {
  os?: PodOs;
  /** wait for the lock (rkt's gc does); false returns undefined at once when it is held */
  wait?: boolean;
}

/**
 * gc sweep / rm: take the exclusive lock of a pod in exited-garbage/ or garbage/ (its state becomes
 * `exited deleting` / `deleting` for everyone else). Undefined when the pod is in neither directory,
 * was deleted meanwhile, or (wait: false) someone else holds it. Then `remove()` the handle.
 */
export async function lockForDeletion(
  dataDir: string,
  uuid: string,
  options: LockForDeletionOptions = {},
): Promise<LockedPod | undefined> {
  const os = options.os ?? nodeOs;
  const dir = GARBAGE_DIRS.find((d) => os.stat(podPath(dataDir, d, uuid))?.isDirectory);
  const fd = dir === undefined ? undefined : os.openDir(podPath(dataDir, dir, uuid));
  if (dir === undefined || fd === undefined) return undefined;
  try {
    for (let pause = 1; !os.tryLock(fd, 'exclusive'); pause = Math.min(pause * 2, 50)) {
      if (options.wait === false) {
        os.close(fd);
        return undefined;
      }
      await os.sleep(pause);
    }
    if (os.fstat(fd).nlink === 0) {
      os.close(fd);
      return undefined;
    }
  } catch (e) {
    os.close(fd);
    throw e;
  }
  return new LockedPod(dataDir, uuid, dir, fd, os);
}
