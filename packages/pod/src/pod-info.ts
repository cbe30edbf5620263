import type { PodManifest } from '@rkt/appc';
import type { RktError } from '@rkt/common';
import type { AppInfo } from './app-info.js';
import type { NetInfo } from './net-info.js';
import type { PodDir, PodState } from './states.js';

/** Everything `rkt list` and `rkt status` show about a pod. Times are nanoseconds since the epoch. */
export interface PodInfo {
  uuid: string;
  state: PodState;
  dir: PodDir;
  path: string;
  /** undefined while preparing or deleting, or when unreadable (see manifestError) */
  manifest: PodManifest | undefined;
  /** set when the state promises a manifest but it is missing or invalid; `list` omits such pods */
  manifestError: RktError | undefined;
  /** the mutable annotation (`rkt app` pods) */
  mutable: boolean;
  /** apps in manifest order; [] without a manifest */
  apps: AppInfo[];
  /** mtime of `pod-created` (else of `pod`); only for prepared, running and later states, as in rkt */
  createdAt: bigint | undefined;
  /** mtime of `pid`, else `ppid`; only once running */
  startedAt: bigint | undefined;
  /** ctime of the directory in exited-garbage/ or garbage/: when gc marked it */
  gcMarkedAt: bigint | undefined;
  /** `pid` file, else `ppid` file: what `rkt status` prints (readPodPid1 finds the pod's pid 1) */
  pid: number | undefined;
  /** from `net-info.json` while running (rkt loads networks only then); [] otherwise */
  networks: NetInfo[];
  /** non-fatal problems (unreadable image manifests, net-info); `list` prints them after the table */
  errors: RktError[];
}
