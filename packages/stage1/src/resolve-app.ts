import { join } from 'node:path';
import type { ImageManifest, RuntimeApp, Volume } from '@rkt/appc';
import { appEnvironment } from './environment.js';
import { stage1Error } from './errors.js';
import { resolveExec } from './exec-lookup.js';
import { mountRequests } from './mount-requests.js';
import { resolveMounts } from './mounts.js';
import { POD_PATHS, type AppPlan, type AppRootfs, type EmptyVolumePlan } from './plan.js';
import { checkPlanStrings } from './plan-strings.js';
import { resolveInView, type RootView } from './root-view.js';
import { resolveGroup, resolveUser } from './user-group.js';

export interface ResolveAppInput {
  /** where the pod directory is now (a `copy` tree is read from it) */
  podDir: string;
  runtimeApp: RuntimeApp;
  imageManifest: ImageManifest;
  rootfs: AppRootfs;
  /** the pod manifest's volumes */
  volumes?: readonly Volume[];
  /** host paths the flavor binds at the same path in the app (fly: /dev, /proc, /sys) */
  stage1Binds?: readonly string[];
  /** host volumes without `recursive` (rkt: fly false, nspawn true) */
  recursiveDefault?: boolean;
}

export interface ResolvedApp {
  plan: AppPlan;
  emptyVolumes: EmptyVolumePlan[];
  warnings: string[];
}

/**
 * Everything a stage1 needs to start one app, decided against its rendered tree: numeric ids, the
 * environment, argv with argv[0] looked up, a working directory that exists, checked mounts. Reads
 * the tree (never through a symlink out of it) and the volume sources; writes nothing.
 */
export async function resolveApp(input: ResolveAppInput): Promise<ResolvedApp> {
  const ra = input.runtimeApp;
  const name = ra.name;
  const app = ra.app ?? input.imageManifest.app;
  if (app === undefined)
    throw stage1Error(
      'APP_NO_EXEC',
      `app "${name}": neither the pod manifest nor image ${input.imageManifest.name} has an app section`,
    );
  const overlay = overlayPaths(input.rootfs, name);
  const root = POD_PATHS.appRoot(name);
  const tree = input.rootfs.kind === 'overlay' ? input.rootfs.lower : join(input.podDir, root);
  const treeView: RootView = { root: tree };
  const uid = await resolveUser(treeView, name, app.user);
  const gid = await resolveGroup(treeView, name, app.group);
  const { requests, warnings } = mountRequests(name, ra.mounts, app.mountPoints, input.volumes ?? []);
  const { mounts, emptyVolumes } = await resolveMounts(
    treeView,
    name,
    requests,
    input.stage1Binds ?? [],
    input.recursiveDefault ?? false,
  );
  const view: RootView = {
    root: tree,
    mounts: mounts.map((m) => ({ target: m.target, source: m.kind === 'empty' ? undefined : m.source })),
  };
  const workingDirectory = app.workingDirectory ?? '/';
  const wd = await resolveInView(view, workingDirectory);
  if (wd.kind !== 'dir')
    throw stage1Error(
      'APP_WORKDIR_NOT_FOUND',
      `app "${name}": working directory ${workingDirectory} ${wd.kind === 'missing' ? 'does not exist' : 'is not a directory'} in the app's root filesystem`,
    );
  const argv = await resolveExec(view, name, app.exec, workingDirectory, app.environment);
  const plan: AppPlan = {
    name,
    root,
    tree,
    overlay,
    readOnlyRootFS: ra.readOnlyRootFS ?? false,
    uid,
    gid,
    supplementaryGids: [...(app.supplementaryGIDs ?? [])],
    workingDirectory,
    argv,
    environment: appEnvironment(name, app.environment),
    mounts,
  };
  checkPlanStrings(plan);
  return { plan, emptyVolumes, warnings };
}

function overlayPaths(rootfs: AppRootfs, app: string): AppPlan['overlay'] {
  if (rootfs.kind !== 'overlay') return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(rootfs.treeStoreId) || /^\.+$/.test(rootfs.treeStoreId))
    throw stage1Error('PLAN_INPUT', `app "${app}": "${rootfs.treeStoreId}" is not a tree store ID`);
  return {
    lower: rootfs.lower,
    upper: POD_PATHS.overlayUpper(rootfs.treeStoreId, app),
    work: POD_PATHS.overlayWork(rootfs.treeStoreId, app),
  };
}
