import { posix } from 'node:path';
import { POD_PATHS } from './plan.js';

const OCI_DIR = 'rkt/oci';
const oci = (rel: string): string => `${POD_PATHS.stage1Rootfs}/${OCI_DIR}/${rel}`;

/**
 * Where plan format oci-v1 puts things, pod-relative. Every bundle sits six levels below the pod
 * dir, so a bundle reaches the pod dir as `../../../../../..`: crun resolves a config's relative
 * paths (root, bind sources, namespace paths) against its bundle, and the configs stay valid when
 * the pod dir moves from prepare/ to run/.
 */
export const OCI_V1 = {
  podFile: `${POD_PATHS.planDir}/pod.env`,
  appFile: (app: string): string => `${POD_PATHS.planDir}/${app}.env`,
  rktEnvFile: (app: string): string => `${POD_PATHS.envDir}/${app}`,
  bundleToPod: '../../../../../..',
  pauseBundle: oci('pause/private-net'),
  pauseHostNetBundle: oci('pause/host-net'),
  appBundle: (app: string): string => oci(`apps/${app}`),
  handlerBundle: (app: string, handler: 'pre-start' | 'post-stop'): string => oci(`${handler}/${app}`),
  /** the pause's root: a static `/pause` and an empty `/dev`, shipped in the stage1 image */
  pauseRoot: `${POD_PATHS.stage1Rootfs}/pause`,
  /** symlink to /proc/<pause>/ns, made by the run entrypoint */
  nsLink: 'ns',
  /** mount point of the pod's /dev/shm tmpfs (mounted in the stage1's private mount namespace) */
  shm: 'shm',
  /** crun's state directory for this pod's containers (`crun --root`) */
  crunRoot: 'crun',
  etcHostname: `${POD_PATHS.stage1Rootfs}/etc/hostname`,
  hostsFallback: `${POD_PATHS.stage1Rootfs}/etc/hosts-fallback`,
  /** written by stage0 for --hosts-entry / --dns* (rkt.md §3.2) */
  rktHosts: `${POD_PATHS.stage1Rootfs}/etc/rkt-hosts`,
  rktResolv: `${POD_PATHS.stage1Rootfs}/etc/rkt-resolv.conf`,
} as const;

/** A pod-relative path as seen from a bundle. */
export function fromBundle(bundle: string, podRelative: string): string {
  return posix.relative(bundle, podRelative);
}

/** Container ids in the pod's crun state dir: AC names hold no `_`, so these never collide. */
export const containerId = {
  pause: (uuid: string): string => `${uuid}_pause`,
  app: (uuid: string, app: string): string => `${uuid}-${app}`,
  handler: (uuid: string, app: string, handler: string): string => `${uuid}-${app}_${handler}`,
};

/** cgroup of each container, under the pod's `/rkt/<uuid>` in every hierarchy. */
export const cgroupPath = {
  pod: (uuid: string): string => `/rkt/${uuid}`,
  pause: (uuid: string): string => `/rkt/${uuid}/_pause`,
  app: (uuid: string, app: string): string => `/rkt/${uuid}/${app}`,
};
