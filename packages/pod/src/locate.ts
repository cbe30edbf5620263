import { podPath } from './layout.js';
import { nodeOs, type PodOs } from './os.js';
import { isProbedDir, POD_DIRS, stateOf, type PodDir, type PodState } from './states.js';

/** Where a pod was found and what state that implied at that instant. */
export interface PodRef {
  uuid: string;
  dir: PodDir;
  path: string;
  state: PodState;
}

/**
 * Probe = open the directory and try a shared flock without waiting: success means nobody holds the
 * exclusive lock (released at once); failure means a holder is alive. Undefined when the directory
 * is gone.
 */
export function probeLock(os: PodOs, path: string): boolean | undefined {
  const fd = os.openDir(path);
  if (fd === undefined) return undefined;
  try {
    const free = os.tryLock(fd, 'shared');
    if (free) os.unlock(fd);
    return !free;
  } finally {
    os.close(fd);
  }
}

/**
 * Find a pod by full UUID, checking the state directories in the order pods move through them
 * (embryo, prepare, prepared, run, exited-garbage, garbage); the first one holding it wins, so a pod
 * renamed forward while we look is still found. Undefined when it is nowhere.
 */
export function locatePod(
  dataDir: string,
  uuid: string,
  os: PodOs = nodeOs,
  dirs: readonly PodDir[] = POD_DIRS,
): PodRef | undefined {
  for (const dir of dirs) {
    const path = podPath(dataDir, dir, uuid);
    let held: boolean | undefined = false;
    if (isProbedDir(dir)) held = probeLock(os, path);
    else if (os.stat(path)?.isDirectory !== true) held = undefined;
    if (held !== undefined) return { uuid, dir, path, state: stateOf(dir, held) };
  }
  return undefined;
}

/** The pod's state now, or undefined when no directory holds it. */
export function podState(dataDir: string, uuid: string, os: PodOs = nodeOs): PodState | undefined {
  return locatePod(dataDir, uuid, os)?.state;
}
