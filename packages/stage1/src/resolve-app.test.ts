import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH } from './environment.js';
import { resolveApp, type ResolveAppInput } from './resolve-app.js';
import { IMAGE_TREE, makeTree, testImageManifest, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();

async function input(over: Partial<ResolveAppInput> = {}): Promise<ResolveAppInput> {
  const dir = await tempDir();
  const lower = await makeTree(join(dir, 'tree/rootfs'), IMAGE_TREE);
  await mkdir(join(dir, 'pod'));
  return {
    podDir: join(dir, 'pod'),
    runtimeApp: { name: 'web', image: { id: 'sha512-x' } },
    imageManifest: testImageManifest(),
    rootfs: { kind: 'overlay', lower, treeStoreId: 'deps-sha512-abc' },
    stage1Binds: ['/proc'],
    ...over,
  };
}

describe('resolveApp', () => {
  it("resolves the image's app into a plan", async () => {
    const inp = await input();
    const { plan, emptyVolumes, warnings } = await resolveApp(inp);
    expect(plan).toEqual({
      name: 'web',
      root: 'stage1/rootfs/opt/stage2/web/rootfs',
      tree: (inp.rootfs as { lower: string }).lower,
      overlay: {
        lower: (inp.rootfs as { lower: string }).lower,
        upper: 'overlay/deps-sha512-abc/upper/web',
        work: 'overlay/deps-sha512-abc/work/web',
      },
      readOnlyRootFS: false,
      uid: 0,
      gid: 0,
      supplementaryGids: [],
      workingDirectory: '/',
      argv: ['/bin/sh', '-c', 'echo hi'],
      environment: [
        { name: 'AC_APP_NAME', value: 'web' },
        { name: 'PATH', value: DEFAULT_PATH },
        { name: 'SHELL', value: '/bin/sh' },
        { name: 'USER', value: 'root' },
        { name: 'LOGNAME', value: 'root' },
        { name: 'HOME', value: '/root' },
      ],
      mounts: [
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
      ],
    });
    expect(emptyVolumes).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("lets the pod manifest's app section replace the image's wholesale", async () => {
    const inp = await input({
      runtimeApp: {
        name: 'web',
        image: { id: 'sha512-x' },
        readOnlyRootFS: true,
        app: {
          exec: ['ls', '-l'],
          user: 'app',
          group: 'users',
          supplementaryGIDs: [100, 5],
          workingDirectory: '/home/app',
          environment: [{ name: 'PATH', value: '/bin' }],
        },
      },
    });
    const { plan } = await resolveApp(inp);
    expect(plan).toMatchObject({
      uid: 1000,
      gid: 100,
      supplementaryGids: [100, 5],
      workingDirectory: '/home/app',
      readOnlyRootFS: true,
    });
    expect(plan.argv).toEqual(['/bin/ls', '-l']);
    expect(plan.environment[0]).toEqual({ name: 'PATH', value: '/bin' });
  });

  it('reads a copied tree from the pod dir and has no overlay', async () => {
    const dir = await tempDir();
    await makeTree(join(dir, 'stage1/rootfs/opt/stage2/web/rootfs'), IMAGE_TREE);
    const { plan } = await resolveApp({ ...(await input()), podDir: dir, rootfs: { kind: 'copy' } });
    expect(plan.tree).toBe(join(dir, 'stage1/rootfs/opt/stage2/web/rootfs'));
    expect(plan.overlay).toBeUndefined();
  });

  it('accepts a working directory that only a volume creates, and refuses a missing one', async () => {
    const app = { exec: ['/bin/sh'], user: '0', group: '0', workingDirectory: '/data/sub' };
    await expect(resolveApp(await input({ imageManifest: testImageManifest(app) }))).rejects.toMatchObject({
      code: 'APP_WORKDIR_NOT_FOUND',
      message: 'app "web": working directory /data/sub does not exist in the app\'s root filesystem',
    });
    const withMp = { ...app, workingDirectory: '/data', mountPoints: [{ name: 'data', path: '/data' }] };
    const { plan, emptyVolumes, warnings } = await resolveApp(
      await input({ imageManifest: testImageManifest(withMp) }),
    );
    expect(plan.workingDirectory).toBe('/data');
    expect(emptyVolumes.map((v) => v.name)).toEqual(['web-data']);
    expect(warnings).toHaveLength(1);
  });

  it.each([
    [{ exec: ['/bin/nope'] }, 'APP_EXEC_NOT_FOUND'],
    [{ exec: [] }, 'APP_NO_EXEC'],
    [{ user: 'ghost' }, 'APP_USER_NOT_FOUND'],
    [{ group: 'ghost' }, 'APP_GROUP_NOT_FOUND'],
    [{ workingDirectory: '/etc/passwd' }, 'APP_WORKDIR_NOT_FOUND'],
    [{ environment: [{ name: 'A', value: 'nul\0' }] }, 'PLAN_UNSAFE_VALUE'],
  ])('refuses %j', async (app, code) => {
    await expect(resolveApp(await input({ imageManifest: testImageManifest(app) }))).rejects.toMatchObject({
      code,
    });
  });

  it('refuses an image without an app section and a bad tree store id', async () => {
    const m = { ...testImageManifest() };
    delete m.app;
    await expect(resolveApp(await input({ imageManifest: m }))).rejects.toMatchObject({
      code: 'APP_NO_EXEC',
    });
    const inp = await input();
    await expect(
      resolveApp({ ...inp, rootfs: { kind: 'overlay', lower: inp.podDir, treeStoreId: '../x' } }),
    ).rejects.toMatchObject({
      code: 'PLAN_INPUT',
    });
  });

  it('refuses overlay paths that cannot be an overlayfs option', async () => {
    const dir = await tempDir();
    const lower = await makeTree(join(dir, 'a,b/rootfs'), IMAGE_TREE);
    await expect(
      resolveApp(await input({ rootfs: { kind: 'overlay', lower, treeStoreId: 't' } })),
    ).rejects.toMatchObject({
      code: 'PLAN_UNSAFE_VALUE',
    });
  });
});
