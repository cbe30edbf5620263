import { decodeImageManifest, type PodManifest, type RuntimeApp } from '@rkt/appc';
import type { RktError } from '@rkt/common';
import { appMounts, statusFile, type AppInfo, type AppState } from './app-info.js';
import { POD_IMAGE_MANIFEST_INVALID, podError } from './errors.js';
import { appImageManifestPath } from './layout.js';
import type { PodOs } from './os.js';
import { readIntFile } from './pid.js';
import { appStatusDir } from './stage1-rootfs.js';
import { isAfterRun, type PodState } from './states.js';

/** The pod-level facts app states are derived from. */
export interface PodFacts {
  uuid: string;
  path: string;
  state: PodState;
  createdAt: bigint | undefined;
  startedAt: bigint | undefined;
  gcMarkedAt: bigint | undefined;
}

const MUTABLE = 'coreos.com/rkt/stage1/mutable';

export function isMutable(manifest: PodManifest): boolean {
  return manifest.annotations?.find((a) => a.name === MUTABLE)?.value === 'true';
}

/** Apps of an immutable pod live and die with it: their state is the pod's (rkt's appStateFromPod). */
function appStateFromPod(state: PodState): AppState {
  if (state === 'prepared') return 'created';
  if (state === 'running') return 'running';
  return isAfterRun(state) ? 'exited' : 'unknown';
}

/** Every app of the manifest, in manifest order. Problems with an app's image manifest go to `errors`. */
export function readApps(os: PodOs, pod: PodFacts, manifest: PodManifest, errors: RktError[]): AppInfo[] {
  const statusDir = appStatusDir(os, pod.path);
  const mutable = isMutable(manifest);
  return manifest.apps.map((ra) => {
    const app: AppInfo = {
      name: ra.name,
      imageId: ra.image.id ?? '',
      imageName: readImageName(os, pod, ra.name, errors),
      state: appStateFromPod(pod.state),
      createdAt: pod.createdAt,
      startedAt: pod.startedAt,
      finishedAt: pod.gcMarkedAt,
      exitCode: statusDir === undefined ? undefined : readIntFile(os, statusFile(statusDir, ra.name)),
      mounts: appMounts(ra, manifest),
      userAnnotations: ra.app?.userAnnotations ?? {},
      userLabels: ra.app?.userLabels ?? {},
    };
    if (mutable) applyMutableState(os, pod, app, statusDir);
    else if (app.exitCode !== undefined) app.state = 'exited';
    return app;
  });
}

/** Apps of a mutable pod come and go: created/started/exited markers in the stage1's status dir. */
function applyMutableState(os: PodOs, pod: PodFacts, app: AppInfo, statusDir: string | undefined): void {
  const mtime = (suffix: string) =>
    statusDir === undefined ? undefined : os.stat(statusFile(statusDir, app.name, suffix))?.mtimeNs;
  app.state = 'unknown';
  app.createdAt = mtime('-created');
  app.startedAt = undefined;
  app.finishedAt = undefined;
  if (app.createdAt !== undefined) {
    app.state = 'created';
    app.startedAt = mtime('-started');
  }
  if (app.startedAt !== undefined) {
    app.state = 'running';
    app.finishedAt = mtime('');
  }
  if (app.finishedAt !== undefined) app.state = 'exited';
  else app.exitCode = undefined;
  if (isAfterRun(pod.state) && app.state !== 'exited') {
    app.state = 'exited';
    app.finishedAt = pod.gcMarkedAt;
  }
}

function readImageName(
  os: PodOs,
  pod: PodFacts,
  app: RuntimeApp['name'],
  errors: RktError[],
): string | undefined {
  try {
    const data = os.readFile(appImageManifestPath(pod.path, app));
    if (data === undefined)
      throw new Error(`open ${appImageManifestPath(pod.path, app)}: no such file or directory`);
    const im = decodeImageManifest(data);
    const version = im.labels?.find((l) => l.name === 'version')?.value;
    return version === undefined ? im.name : `${im.name}:${version}`;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    errors.push(
      podError(
        POD_IMAGE_MANIFEST_INVALID,
        `pod ${pod.uuid} ImageManifest could not be loaded: problem retrieving ImageManifests from pod: ${why}`,
        e,
      ),
    );
    return undefined;
  }
}
