import { join } from 'node:path';
import type { LockMode } from '@rkt/native';
import { STATE_DIR_MODE } from './layout.js';
import { nodeOs, type PodOs } from './os.js';

export function prepareLockPath(dataDir: string): string {
  return join(dataDir, 'locks', 'prepareLock');
}

/**
 * Run `fn` under `<dataDir>/locks/prepareLock`: `shared` while preparing a pod (its trees must not
 * vanish), `exclusive` for `image gc`'s sweep of unreferenced trees. Waits for the lock. The lock
 * file (0660) is re-opened if it was unlinked between open and flock, as rkt's key locks do.
 */
export async function withPrepareLock<T>(
  dataDir: string,
  mode: LockMode,
  fn: () => Promise<T> | T,
  os: PodOs = nodeOs,
): Promise<T> {
  os.mkdir(join(dataDir, 'locks'), STATE_DIR_MODE);
  const path = prepareLockPath(dataDir);
  let fd: number;
  for (;;) {
    fd = os.openLockFile(path);
    try {
      for (let pause = 1; !os.tryLock(fd, mode); pause = Math.min(pause * 2, 50)) await os.sleep(pause);
    } catch (e) {
      os.close(fd);
      throw e;
    }
    if (os.fstat(fd).nlink > 0) break;
    os.close(fd);
  }
  try {
    return await fn();
  } finally {
    os.close(fd);
  }
}
