import { ensureStateDir, podPath } from './layout.js';
import type { PodOs } from './os.js';
import type { PodDir } from './states.js';

/**
 * The one way a pod changes phase: rename its directory into another state directory (atomic on one
 * file system), then fsync that directory so the move survives a crash. Throws ENOENT when the pod
 * is no longer in `from` (someone else moved it first).
 */
export function movePod(os: PodOs, dataDir: string, uuid: string, from: PodDir, to: PodDir): string {
  const toDir = ensureStateDir(os, dataDir, to);
  const dest = podPath(dataDir, to, uuid);
  os.rename(podPath(dataDir, from, uuid), dest);
  os.fsyncDir(toDir);
  return dest;
}
