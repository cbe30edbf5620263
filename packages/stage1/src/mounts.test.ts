import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Volume } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import type { MountRequest } from './mount-requests.js';
import { resolveMounts } from './mounts.js';
import { IMAGE_TREE, makeTree, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();

async function setup() {
  const dir = await tempDir();
  const root = await makeTree(join(dir, 'rootfs'), {
    ...IMAGE_TREE,
    'etc/app.conf': 'x',
    'var/data': { link: '/srv/data' },
    escape: { link: join(dir, 'outside') },
  });
  await mkdir(join(dir, 'src/sub'), { recursive: true });
  await writeFile(join(dir, 'src-file'), 'f');
  await symlink(join(dir, 'src'), join(dir, 'src-link'));
  await mkdir(join(dir, 'outside'));
  return { dir, view: { root } };
}

const hostReq = (source: string, path: string, extra: Partial<MountRequest> = {}): MountRequest => ({
  volume: { name: 'v', kind: 'host', source } as Volume,
  path,
  readOnly: false,
  ...extra,
});

describe('resolveMounts', () => {
  it('resolves targets inside the tree and marks missing ones for creation', async () => {
    const { dir, view } = await setup();
    const { mounts } = await resolveMounts(
      view,
      'a',
      [hostReq(join(dir, 'src'), '/var/data/x')],
      ['/proc'],
      false,
    );
    expect(mounts).toEqual([
      {
        volume: '/proc',
        kind: 'stage1',
        source: '/proc',
        target: '/proc',
        readOnly: false,
        recursive: true,
        type: 'dir',
        create: false,
      },
      {
        volume: 'v',
        kind: 'host',
        source: join(dir, 'src'),
        target: '/srv/data/x',
        readOnly: false,
        recursive: false,
        type: 'dir',
        create: true,
      },
    ]);
  });

  it('keeps a symlink target that points out of the rootfs inside it', async () => {
    const { dir, view } = await setup();
    const { mounts } = await resolveMounts(view, 'a', [hostReq(join(dir, 'src'), '/escape')], [], true);
    expect(mounts[0]).toMatchObject({ target: join(dir, 'outside'), create: true, recursive: true });
  });

  it('backs empty volumes by sharedVolumes/<name> with their mode and owner', async () => {
    const { view } = await setup();
    const vol: Volume = { name: 'scratch', kind: 'empty', mode: '1777', uid: 5, gid: 6 };
    const r = await resolveMounts(view, 'a', [{ volume: vol, path: '/tmp', readOnly: true }], [], false);
    expect(r.mounts[0]).toMatchObject({
      kind: 'empty',
      source: 'sharedVolumes/scratch',
      target: '/tmp',
      readOnly: true,
      create: false,
    });
    expect(r.emptyVolumes).toEqual([
      { name: 'scratch', path: 'sharedVolumes/scratch', mode: 0o1777, uid: 5, gid: 6 },
    ]);
  });

  it('binds a file volume over a file', async () => {
    const { dir, view } = await setup();
    const { mounts } = await resolveMounts(
      view,
      'a',
      [hostReq(join(dir, 'src-file'), '/etc/app.conf')],
      [],
      false,
    );
    expect(mounts[0]).toMatchObject({ type: 'file', create: false });
  });

  it.each([
    [
      'a missing source',
      (d: string) => [hostReq(join(d, 'nope'), '/m')],
      'APP_VOLUME_SOURCE',
      /does not exist/,
    ],
    [
      'a symlink source',
      (d: string) => [hostReq(join(d, 'src-link'), '/m')],
      'APP_VOLUME_SOURCE',
      /passes through the symlink/,
    ],
    [
      'a source through a symlink',
      (d: string) => [hostReq(join(d, 'src-link/sub'), '/m')],
      'APP_VOLUME_SOURCE',
      /passes through the symlink/,
    ],
    ['a target at /', (d: string) => [hostReq(join(d, 'src'), '/')], 'APP_MOUNT_TARGET', /root of the app/],
    [
      'a target at / through ..',
      (d: string) => [hostReq(join(d, 'src'), '/etc/..')],
      'APP_MOUNT_TARGET',
      /root of the app/,
    ],
    [
      'a dir over a file',
      (d: string) => [hostReq(join(d, 'src'), '/etc/app.conf')],
      'APP_MOUNT_TARGET',
      /target is not a directory/,
    ],
    [
      'a file over a dir',
      (d: string) => [hostReq(join(d, 'src-file'), '/etc')],
      'APP_MOUNT_TARGET',
      /target is a directory/,
    ],
    [
      'a target under a file',
      (d: string) => [hostReq(join(d, 'src'), '/etc/app.conf/x')],
      'APP_MOUNT_TARGET',
      /not a directory/,
    ],
    [
      'two mounts at one path',
      (d: string) => [hostReq(join(d, 'src'), '/m'), hostReq(join(d, 'src'), '/m/')],
      'APP_MOUNT_TARGET',
      /both target \/m/,
    ],
    [
      'nested mounts',
      (d: string) => [hostReq(join(d, 'src'), '/m'), hostReq(join(d, 'src'), '/m/n')],
      'APP_MOUNT_TARGET',
      /inside \/m/,
    ],
    [
      'a volume under a stage1 bind',
      (d: string) => [hostReq(join(d, 'src'), '/proc/x')],
      'APP_MOUNT_TARGET',
      /inside \/proc/,
    ],
  ])('refuses %s', async (_what, requests, code, message) => {
    const { dir, view } = await setup();
    const p = resolveMounts(view, 'a', requests(dir), ['/proc'], false);
    await expect(p).rejects.toMatchObject({ code });
    await expect(p).rejects.toThrow(message);
  });
});
