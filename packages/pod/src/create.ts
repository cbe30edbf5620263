import { join } from 'node:path';
import { ensureStateDir, POD_DIR_MODE, POD_FILE_MODE, POD_FILES, podPath } from './layout.js';
import { LockedPod } from './locked-pod.js';
import { movePod } from './move.js';
import { nodeOs, type PodOs } from './os.js';
import { newPodUuid } from './uuid.js';

export interface CreatePodOptions {
  os?: PodOs;
  /** defaults to a fresh random UUID */
  uuid?: string;
}

/**
 * Start a pod: mkdir embryo/<uuid>, lock it exclusively, write `pod-created` (empty; its mtime is the
 * creation time), rename to prepare/<uuid>. Returns the pod in state `preparing`, locked. A crash
 * before the rename leaves an embryo nobody lists; after it, an unlocked prepare/ dir that gc marks
 * as an aborted prepare.
 */
export function createPod(dataDir: string, options: CreatePodOptions = {}): LockedPod {
  const os = options.os ?? nodeOs;
  const uuid = options.uuid ?? newPodUuid();
  ensureStateDir(os, dataDir, 'embryo');
  const embryo = podPath(dataDir, 'embryo', uuid);
  if (!os.mkdir(embryo, POD_DIR_MODE)) throw new Error(`pod directory ${embryo} already exists`);
  let fd: number | undefined;
  try {
    fd = os.openDir(embryo);
    if (fd === undefined) throw new Error(`pod directory ${embryo} vanished`);
    if (!os.tryLock(fd, 'exclusive')) throw new Error(`pod directory ${embryo} is locked by someone else`);
    os.writeFile(join(embryo, POD_FILES.created), '', POD_FILE_MODE);
    movePod(os, dataDir, uuid, 'embryo', 'prepare');
  } catch (e) {
    if (fd !== undefined) os.close(fd);
    os.removeTree(embryo);
    throw e;
  }
  return new LockedPod(dataDir, uuid, 'prepare', fd, os);
}
