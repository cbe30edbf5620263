// PodInfo literals for the output tests: the pods rkt-observed §7-§8 shows. Not part of the API.
import type { AppInfo } from '../app-info.js';
import type { PodInfo } from '../pod-info.js';
import { IMAGE_ID, UUIDS } from '../testing.js';

export function app(extra: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'busybox',
    imageId: IMAGE_ID,
    imageName: 'example.com/busybox:1.35.0',
    state: 'exited',
    createdAt: undefined,
    startedAt: undefined,
    finishedAt: undefined,
    exitCode: undefined,
    mounts: [],
    userAnnotations: {},
    userLabels: {},
    ...extra,
  };
}

export function pod(extra: Partial<PodInfo> = {}): PodInfo {
  return {
    uuid: UUIDS.a,
    state: 'exited',
    dir: 'run',
    path: '/var/lib/rkt/pods/run/x',
    manifest: { acKind: 'PodManifest', apps: [] },
    manifestError: undefined,
    mutable: false,
    apps: [app()],
    createdAt: undefined,
    startedAt: undefined,
    gcMarkedAt: undefined,
    pid: undefined,
    networks: [],
    errors: [],
    ...extra,
  };
}

/** The host-flavor pod of rkt-observed §7 (exit code 7) and the fly one (no exit code). */
export const HOST_POD = pod({
  createdAt: 1795890678141622545n,
  startedAt: 1795890678694496284n,
  apps: [app({ createdAt: 1795890678141622545n, startedAt: 1795890678694496284n, exitCode: 7 })],
});
export const FLY_POD = pod({
  uuid: UUIDS.b,
  createdAt: 1795890676420880250n,
  startedAt: 1795890676429365740n,
  apps: [app({ createdAt: 1795890676420880250n, startedAt: 1795890676429365740n })],
});
/** rkt list ran 1.8 s after the host pod was created */
export const NOW = new Date(1795890679800);
