import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Volume } from '@rkt/appc';
import { stage1Error } from './errors.js';
import type { MountRequest } from './mount-requests.js';
import type { EmptyVolumePlan, PlannedMount } from './plan.js';
import { POD_PATHS } from './plan.js';
import { resolveInView, type RootView } from './root-view.js';

/**
 * Turn mount requests (plus the flavor's host binds) into checked mounts: each target resolved inside
 * the tree (a symlink in the image cannot send a mount outside the app's root), no target at `/`,
 * duplicated or nested in another (appc §6: overlapping targets are an error, and a nested mount point
 * would have to be created inside another volume), and file volumes only over files.
 */
export async function resolveMounts(
  view: RootView,
  app: string,
  requests: readonly MountRequest[],
  stage1Binds: readonly string[],
  recursiveDefault: boolean,
): Promise<{ mounts: PlannedMount[]; emptyVolumes: EmptyVolumePlan[] }> {
  const mounts: PlannedMount[] = [];
  for (const path of stage1Binds) {
    const type = await stage1BindType(app, path);
    mounts.push(
      await place(view, app, path, {
        volume: path,
        kind: 'stage1',
        source: path,
        readOnly: false,
        recursive: true,
        type,
      }),
    );
  }
  const emptyVolumes: EmptyVolumePlan[] = [];
  for (const r of requests) {
    const v = r.volume;
    const base = { volume: v.name, readOnly: r.readOnly };
    if (v.kind === 'host') {
      const type = await hostSourceType(app, v.name, v.source);
      const recursive = v.recursive ?? recursiveDefault;
      mounts.push(
        await place(view, app, r.path, { ...base, kind: 'host', source: v.source, recursive, type }),
      );
    } else {
      const source = `${POD_PATHS.sharedVolumes}/${v.name}`;
      if (!emptyVolumes.some((e) => e.name === v.name)) emptyVolumes.push(emptyVolumePlan(v, source));
      mounts.push(
        await place(view, app, r.path, { ...base, kind: 'empty', source, recursive: false, type: 'dir' }),
      );
    }
  }
  checkOverlaps(app, mounts);
  return { mounts, emptyVolumes };
}

type Unplaced = Omit<PlannedMount, 'target' | 'create'>;

async function place(view: RootView, app: string, path: string, m: Unplaced): Promise<PlannedMount> {
  const r = await resolveInView(view, path);
  const fail = (why: string): never => {
    throw stage1Error('APP_MOUNT_TARGET', `app "${app}": cannot mount ${m.volume} at ${path}: ${why}`);
  };
  if (r.path === '/') fail('the target is the root of the app');
  if (r.kind === 'missing') {
    if (r.reason !== 'missing')
      fail(r.reason === 'loop' ? 'too many levels of symbolic links' : 'a parent is not a directory');
    return { ...m, target: r.path, create: true };
  }
  if (r.kind !== m.type)
    fail(
      `the target is ${r.kind === 'dir' ? 'a directory' : 'not a directory'} but the source is ${m.type === 'dir' ? 'a directory' : 'a file'}`,
    );
  return { ...m, target: r.path, create: false };
}

/** A flavor's host bind (/dev, /proc, /sys) must exist; symlinks on the host side are the host's business. */
async function stage1BindType(app: string, source: string): Promise<'dir' | 'file'> {
  const st = await stat(source).catch(() => undefined);
  if (st === undefined)
    throw stage1Error('APP_VOLUME_SOURCE', `app "${app}": the stage1 binds ${source}, which does not exist`);
  return st.isDirectory() ? 'dir' : 'file';
}

/** A host volume's source must exist and must not be or pass through a symlink (appc §6). */
async function hostSourceType(app: string, name: string, source: string): Promise<'dir' | 'file'> {
  const fail = (why: string): never => {
    throw stage1Error('APP_VOLUME_SOURCE', `app "${app}": volume ${name}: source ${source} ${why}`);
  };
  if (!posix.isAbsolute(source)) fail('is not an absolute path');
  const parts = source.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) fail('contains ".."');
  let prefix = '/';
  let st: Stats | undefined;
  for (const part of parts) {
    prefix = posix.join(prefix, part);
    st = await lstat(prefix).catch(() => undefined);
    if (st === undefined) return fail('does not exist');
    if (st.isSymbolicLink()) fail(`passes through the symlink ${prefix}`);
  }
  return st === undefined || st.isDirectory() ? 'dir' : 'file';
}

function checkOverlaps(app: string, mounts: readonly PlannedMount[]): void {
  for (const a of mounts) {
    for (const b of mounts) {
      if (a === b) continue;
      if (a.target === b.target || b.target.startsWith(`${a.target}/`))
        throw stage1Error(
          'APP_MOUNT_TARGET',
          `app "${app}": mounts of ${a.volume} and ${b.volume} ${a.target === b.target ? `both target ${a.target}` : `overlap (${b.target} is inside ${a.target})`}`,
        );
    }
  }
}

function emptyVolumePlan(v: Extract<Volume, { kind: 'empty' }>, path: string): EmptyVolumePlan {
  return { name: v.name, path, mode: Number.parseInt(v.mode, 8), uid: v.uid, gid: v.gid };
}
