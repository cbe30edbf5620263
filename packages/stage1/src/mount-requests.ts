import { posix } from 'node:path';
import { DEFAULT_EMPTY_VOLUME_MODE, type Mount, type MountPoint, type Volume } from '@rkt/appc';
import { stage1Error } from './errors.js';

/** One volume to mount at one path of one app, before any file system check. */
export interface MountRequest {
  volume: Volume;
  /** absolute, normalized; not yet resolved against the tree */
  path: string;
  readOnly: boolean;
}

/**
 * Which volume goes where, as rkt's GenerateMounts decides: every runtime-app mount (its inline
 * appVolume, else the pod volume of that name), then every image mount point not already covered at
 * its path, matched to the pod volume of its name, else an implicit empty volume `<app>-<mount
 * point>` (with a warning; rkt.md §6.1). A volume's own readOnly, when set, wins over the mount
 * point's (rkt's IsMountReadOnly).
 */
export function mountRequests(
  app: string,
  mounts: readonly Mount[] | undefined,
  mountPoints: readonly MountPoint[] | undefined,
  volumes: readonly Volume[],
): { requests: MountRequest[]; warnings: string[] } {
  const byName = new Map(volumes.map((v) => [v.name, v]));
  const readOnly = (vol: Volume, name: string): boolean =>
    vol.readOnly ?? mountPoints?.find((mp) => mp.name === name)?.readOnly ?? false;
  const requests: MountRequest[] = [];
  const warnings: string[] = [];
  for (const m of mounts ?? []) {
    const vol = m.appVolume ?? byName.get(m.volume);
    if (vol === undefined)
      throw stage1Error(
        'APP_VOLUME_NOT_FOUND',
        `app "${app}": mount of volume "${m.volume}": no such volume in the pod`,
      );
    requests.push({ volume: vol, path: clean(m.path), readOnly: readOnly(vol, m.volume) });
  }
  for (const mp of mountPoints ?? []) {
    const path = clean(mp.path);
    if (requests.some((r) => r.path === path)) continue;
    let vol = byName.get(mp.name);
    if (vol === undefined) {
      vol = { name: `${app}-${mp.name}`, kind: 'empty', mode: DEFAULT_EMPTY_VOLUME_MODE, uid: 0, gid: 0 };
      warnings.push(
        `app "${app}": no volume specified for mount point "${mp.name}", implicitly creating an "empty" volume; it is removed with the pod`,
      );
    }
    requests.push({ volume: vol, path, readOnly: vol.readOnly ?? mp.readOnly ?? false });
  }
  return { requests, warnings };
}

const clean = (path: string): string => posix.normalize(`/${path}`).replace(/(.)\/$/, '$1');
