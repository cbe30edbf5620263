import { join } from 'node:path';
import type { PodManifest, RuntimeApp, Volume } from '@rkt/appc';

export type AppState = 'unknown' | 'created' | 'running' | 'exited';

/** A mount as the v1 API shows it. */
export interface AppMount {
  name: string;
  containerPath: string;
  hostPath: string;
  readOnly: boolean;
}

/** One app of a pod, as list/status/the API show it. Times are nanoseconds since the epoch. */
export interface AppInfo {
  name: string;
  /** the image's store key as written in the pod manifest ('' if absent) */
  imageId: string;
  /** `name:version` from `appsinfo/<app>/manifest`; undefined when that manifest is unreadable */
  imageName: string | undefined;
  state: AppState;
  createdAt: bigint | undefined;
  startedAt: bigint | undefined;
  finishedAt: bigint | undefined;
  /** from the stage1's `rkt/status/<app>`; undefined until the app exited (fly never writes it) */
  exitCode: number | undefined;
  mounts: AppMount[];
  userAnnotations: Record<string, string>;
  userLabels: Record<string, string>;
}

export function appMounts(ra: RuntimeApp, manifest: PodManifest): AppMount[] {
  return (ra.mounts ?? []).map((m) => {
    const vol: Volume | undefined = m.appVolume ?? manifest.volumes?.find((v) => v.name === m.volume);
    return {
      name: m.volume,
      containerPath: m.path,
      hostPath: vol?.kind === 'host' ? vol.source : '',
      readOnly: vol?.readOnly ?? false,
    };
  });
}

export function statusFile(statusDir: string, app: string, suffix = ''): string {
  return join(statusDir, app + suffix);
}
