import type { EnvironmentVariable } from '@rkt/appc';
import type { OciPodPlan } from './oci-plan.js';

/**
 * The resolved, flavor-independent plan of a pod: plain data, everything decided. Paths inside the
 * pod are relative to the pod directory (it is renamed from prepare/ to run/ after planning, and the
 * entrypoints run with it as cwd); host paths are absolute.
 */
export interface PodPlan {
  /** the plan format the stage1 declared (rkt-ts.io/stage1/plan-format) */
  format: PlanFormat;
  uuid: string;
  apps: AppPlan[];
  /** backing directories of `empty` volumes, created by writePodPlan */
  emptyVolumes: EmptyVolumePlan[];
  warnings: string[];
  /** format oci-v1 only: isolation, event handlers and /etc targets per app */
  oci?: OciPodPlan;
}

export type PlanFormat = 'sh-v1' | 'oci-v1';

/** How an app's tree reaches its root: an overlay over the store's rendered tree, or a copy in the pod. */
export type AppRootfs = { kind: 'overlay'; lower: string; treeStoreId: string } | { kind: 'copy' };

export interface AppPlan {
  name: string;
  /** pod-relative: `stage1/rootfs/opt/stage2/<name>/rootfs`; a mount point (overlay) or the copy */
  root: string;
  /** the tree read while planning (overlay lower, or the copy; absolute) */
  tree: string;
  /** overlay lower (absolute), upper and work (pod-relative); absent for a copy */
  overlay: { lower: string; upper: string; work: string } | undefined;
  readOnlyRootFS: boolean;
  uid: number;
  gid: number;
  supplementaryGids: number[];
  /** absolute in the app's root (as the app sees it) */
  workingDirectory: string;
  /** argv[0] absolute in the app's root */
  argv: string[];
  environment: EnvironmentVariable[];
  mounts: PlannedMount[];
}

export interface PlannedMount {
  /** the volume's name; for a stage1 bind the host path */
  volume: string;
  /** `stage1`: a host path the flavor binds at the same place (fly: /dev, /proc, /sys) */
  kind: 'host' | 'empty' | 'stage1';
  /** absolute host path, or pod-relative (`sharedVolumes/<name>`) */
  source: string;
  /** where it goes in the app's root, symlinks resolved inside the tree */
  target: string;
  readOnly: boolean;
  recursive: boolean;
  type: 'dir' | 'file';
  /** the target is missing from the tree: writePodPlan creates it (parents 0755 root) */
  create: boolean;
}

export interface EmptyVolumePlan {
  name: string;
  /** pod-relative: `sharedVolumes/<name>` */
  path: string;
  mode: number;
  uid: number;
  gid: number;
}

/** Pod-relative locations the plan formats share (rkt.md §3.2, §2.5). */
export const POD_PATHS = {
  stage1Rootfs: 'stage1/rootfs',
  sharedVolumes: 'sharedVolumes',
  appRoot: (app: string): string => `stage1/rootfs/opt/stage2/${app}/rootfs`,
  overlayUpper: (treeStoreId: string, app: string): string => `overlay/${treeStoreId}/upper/${app}`,
  overlayWork: (treeStoreId: string, app: string): string => `overlay/${treeStoreId}/work/${app}`,
  planDir: 'stage1/rootfs/rkt/plan',
  envDir: 'stage1/rootfs/rkt/env',
  statusDir: 'stage1/rootfs/rkt/status',
} as const;
