import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppPlan, PlannedMount, PodPlan } from './plan.js';
import { IMAGE_TREE, makeTree, useTempDirs } from './test-fixtures.js';
import { writePodPlan } from './write-plan.js';

const tempDir = useTempDirs();
// Only root can give a volume away; without root it stays ours.
const [VOL_UID, VOL_GID] =
  process.getuid?.() === 0 ? [12, 34] : [process.getuid?.() ?? 0, process.getgid?.() ?? 0];

const mount = (target: string, create: boolean, type: 'dir' | 'file' = 'dir'): PlannedMount => ({
  volume: 'v',
  kind: 'host',
  source: '/srv',
  target,
  readOnly: false,
  recursive: false,
  type,
  create,
});

async function setup(overlay: boolean) {
  const dir = await tempDir();
  const podDir = join(dir, 'pod');
  const root = 'stage1/rootfs/opt/stage2/web/rootfs';
  const tree = overlay ? join(dir, 'lower') : join(podDir, root);
  await makeTree(tree, { ...IMAGE_TREE, 'var/lib': { dir: true, mode: 0o750 } });
  const app: AppPlan = {
    name: 'web',
    root,
    tree,
    overlay: overlay ? { lower: tree, upper: 'overlay/t/upper/web', work: 'overlay/t/work/web' } : undefined,
    readOnlyRootFS: false,
    uid: 0,
    gid: 0,
    supplementaryGids: [],
    workingDirectory: '/',
    argv: ['/bin/sh'],
    environment: [{ name: 'SECRET', value: 's' }],
    mounts: [
      mount('/proc', false),
      mount('/tmp/cache/x', true),
      mount('/var/lib/db', true),
      mount('/etc/conf', true, 'file'),
    ],
  };
  const plan: PodPlan = {
    format: 'sh-v1',
    uuid: '6f1b2c3d-1111-4222-8333-444455556666',
    apps: [app],
    emptyVolumes: [
      { name: 'scratch', path: 'sharedVolumes/scratch', mode: 0o1770, uid: VOL_UID, gid: VOL_GID },
    ],
    warnings: [],
  };
  return { podDir, plan };
}

const mode = async (p: string) => (await stat(p)).mode & 0o7777;

describe('writePodPlan', () => {
  it('lays out an overlay pod: files, status dir, volumes, upper/work, mount points with the tree attributes', async () => {
    const { podDir, plan } = await setup(true);
    await writePodPlan(podDir, plan);
    expect((await readdir(join(podDir, 'stage1/rootfs/rkt/plan'))).sort()).toEqual(['pod.env', 'web.env']);
    expect(await readFile(join(podDir, 'stage1/rootfs/rkt/env/web'), 'utf8')).toBe('SECRET=s\n');
    expect(await mode(join(podDir, 'stage1/rootfs/rkt/plan/web.env'))).toBe(0o640);
    expect(await readdir(join(podDir, 'stage1/rootfs/rkt/status'))).toEqual([]);
    const vol = await stat(join(podDir, 'sharedVolumes/scratch'));
    expect([vol.mode & 0o7777, vol.uid, vol.gid]).toEqual([0o1770, VOL_UID, VOL_GID]);
    expect(await readdir(join(podDir, 'stage1/rootfs/opt/stage2/web/rootfs'))).toEqual([]);
    expect(await readdir(join(podDir, 'overlay/t/work/web'))).toEqual([]);
    const upper = join(podDir, 'overlay/t/upper/web');
    expect((await readdir(upper)).sort()).toEqual(['etc', 'tmp', 'var']);
    expect(await mode(join(upper, 'tmp'))).toBe(0o1777);
    expect(await mode(join(upper, 'tmp/cache'))).toBe(0o755);
    expect(await mode(join(upper, 'var/lib'))).toBe(0o750);
    expect((await lstat(join(upper, 'var/lib/db'))).isDirectory()).toBe(true);
    expect((await lstat(join(upper, 'etc/conf'))).isFile()).toBe(true);
  });

  it('creates mount points inside a copied tree', async () => {
    const { podDir, plan } = await setup(false);
    await writePodPlan(podDir, plan);
    const root = join(podDir, 'stage1/rootfs/opt/stage2/web/rootfs');
    expect(await mode(join(root, 'tmp'))).toBe(0o1777);
    expect((await lstat(join(root, 'tmp/cache/x'))).isDirectory()).toBe(true);
    expect((await lstat(join(root, 'etc/conf'))).isFile()).toBe(true);
    await expect(lstat(join(podDir, 'overlay'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a format it cannot write', async () => {
    const { podDir, plan } = await setup(false);
    await expect(writePodPlan(podDir, { ...plan, format: 'json-v9' as 'sh-v1' })).rejects.toMatchObject({
      code: 'STAGE1_PLAN_FORMAT',
    });
  });
});
