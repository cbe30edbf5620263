import { notPrepared } from './errors.js';
import { podPath } from './layout.js';
import { LockedPod } from './locked-pod.js';
import { movePod } from './move.js';
import { isMissing, nodeOs, type PodOs } from './os.js';

/**
 * `run-prepared`: lock prepared/<uuid> exclusively and move it to run/, keeping the lock for stage1.
 * Of concurrent callers exactly one wins; the others get POD_NOT_PREPARED ("pod "<uuid>" is not
 * prepared", rkt's message). rkt waits for the lock unconditionally, so a loser that opened the
 * directory before the winner renamed it would wait for the whole life of the pod; here a waiter
 * gives up as soon as prepared/<uuid> is gone.
 */
export async function lockPrepared(dataDir: string, uuid: string, os: PodOs = nodeOs): Promise<LockedPod> {
  const path = podPath(dataDir, 'prepared', uuid);
  const fd = os.openDir(path);
  if (fd === undefined) throw notPrepared(uuid);
  try {
    for (let pause = 1; !os.tryLock(fd, 'exclusive'); pause = Math.min(pause * 2, 50)) {
      if (os.stat(path) === undefined) throw notPrepared(uuid);
      await os.sleep(pause);
    }
    movePod(os, dataDir, uuid, 'prepared', 'run');
  } catch (e) {
    os.close(fd);
    if (isMissing(e)) throw notPrepared(uuid);
    throw e;
  }
  return new LockedPod(dataDir, uuid, 'run', fd, os);
}
