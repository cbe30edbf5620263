// rkt's on-disk pod format: layout, states, locks and transitions, UUIDs, listing, list/status output.
// POD-FORMAT.md (next to src/) is the contract this code implements.
export {
  POD_AMBIGUOUS,
  POD_DIR_ENTRY_INVALID,
  POD_IMAGE_MANIFEST_INVALID,
  POD_MANIFEST_INVALID,
  POD_MOUNTS_LEFT,
  POD_NETINFO_INVALID,
  POD_NOT_FOUND,
  POD_NOT_PREPARED,
  POD_PID_INVALID,
  POD_UUID_FILE,
  POD_UUID_INVALID,
} from './errors.js';
export type { PodDir, PodState } from './states.js';
export { isAfterRun, LISTED_DIRS, POD_DIRS, stateOf } from './states.js';
export { nodeOs, type FileInfo, type PodOs } from './os.js';
export {
  appImageManifestPath,
  ensureStateDir,
  POD_DIR_MODE,
  POD_FILE_MODE,
  POD_FILES,
  podPath,
  podsRoot,
  STATE_DIR_MODE,
  stateDirPath,
} from './layout.js';
export { isPodUuid, newPodUuid, podUuidsIn, readUuidFile, resolvePodUuid, writeUuidFile } from './uuid.js';
export { locatePod, podState, probeLock, type PodRef } from './locate.js';
export { LockedPod } from './locked-pod.js';
export { createPod, type CreatePodOptions } from './create.js';
export { lockPrepared } from './run-prepared.js';
export {
  DEFAULT_EXPIRE_PREPARED_MS,
  markExitedGarbage,
  markGarbage,
  type MarkGarbageOptions,
  type MarkResult,
} from './mark.js';
export { lockForDeletion, type LockForDeletionOptions } from './delete.js';
export { removePodDir, type RemovePodOptions } from './remove.js';
export { mountsBelow } from './mountinfo.js';
export { prepareLockPath, withPrepareLock } from './prepare-lock.js';
export { readPodPid, readPodPid1 } from './pid.js';
export { podTreeStoreIds, referencedTreeStoreIds, runningPodImageKeys } from './references.js';
export { stage1RootfsDir } from './stage1-rootfs.js';
export type { NetInfo } from './net-info.js';
export type { AppInfo, AppMount, AppState } from './app-info.js';
export type { PodInfo } from './pod-info.js';
export { readPodInfo, readPodInfoAt } from './read-info.js';
export { listPods, walkPods, type ListResult, type WalkResult } from './list.js';
export { formatNetworks, podListTable, type PodListTableOptions } from './output/list-table.js';
export {
  appToV1Json,
  podListJson,
  podToV1Json,
  type V1App,
  type V1Mount,
  type V1Pod,
} from './output/v1-json.js';
export { podStatusLines } from './output/status-lines.js';
