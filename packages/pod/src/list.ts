import type { RktError } from '@rkt/common';
import { POD_DIR_ENTRY_INVALID, podError } from './errors.js';
import { stateDirPath } from './layout.js';
import { locatePod, type PodRef } from './locate.js';
import { nodeOs, type PodOs } from './os.js';
import type { PodInfo } from './pod-info.js';
import { readPodInfoAt } from './read-info.js';
import { LISTED_DIRS, POD_DIRS, type PodDir } from './states.js';
import { isPodUuid } from './uuid.js';

export interface WalkResult {
  pods: PodRef[];
  /** entries that are not pod directories, one error each */
  errors: RktError[];
}

/**
 * Every pod in the given state directories (default: those `rkt list` shows), sorted by UUID, each
 * with its state at the moment it was probed. A pod that moved to a directory outside `dirs` between
 * the directory read and the probe is left out, as rkt does; one that vanished is skipped.
 */
export function walkPods(
  dataDir: string,
  dirs: readonly PodDir[] = LISTED_DIRS,
  os: PodOs = nodeOs,
): WalkResult {
  const errors: RktError[] = [];
  const firstSeen = new Map<string, PodDir>();
  for (const dir of POD_DIRS.filter((d) => dirs.includes(d))) {
    const entries = os.readDir(stateDirPath(dataDir, dir));
    for (const name of entries?.dirs ?? []) {
      if (!isPodUuid(name)) {
        errors.push(podError(POD_DIR_ENTRY_INVALID, `skipping ${JSON.stringify(name)}: not a pod UUID`));
      } else if (!firstSeen.has(name)) firstSeen.set(name, dir);
    }
    for (const name of entries?.others ?? []) {
      errors.push(podError(POD_DIR_ENTRY_INVALID, `unrecognized entry: ${JSON.stringify(name)}, ignoring`));
    }
  }
  const pods: PodRef[] = [];
  for (const [uuid, seen] of [...firstSeen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // pods only move forward, so the lookup can start where the pod was seen
    const ref = locatePod(dataDir, uuid, os, POD_DIRS.slice(POD_DIRS.indexOf(seen)));
    if (ref !== undefined && dirs.includes(ref.dir)) pods.push(ref);
  }
  return { pods, errors };
}

export interface ListResult {
  pods: PodInfo[];
  /** per-pod problems, in pod order; rkt prints them after the table or JSON */
  errors: RktError[];
}

/**
 * `rkt list`: every pod in prepare/, prepared/, run/ and exited-garbage/, sorted by UUID. A pod whose
 * manifest should be readable but is not is left out and reported, as rkt does.
 */
export function listPods(dataDir: string, os: PodOs = nodeOs): ListResult {
  const walked = walkPods(dataDir, LISTED_DIRS, os);
  const result: ListResult = { pods: [], errors: walked.errors };
  for (const ref of walked.pods) {
    const info = readPodInfoAt(ref, os);
    if (info.manifestError) result.errors.push(info.manifestError);
    else result.pods.push(info);
    result.errors.push(...info.errors);
  }
  return result;
}
