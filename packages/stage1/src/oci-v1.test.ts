import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CAPABILITIES, parseIsolators, type App, type PodManifest } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { OCI_V1 } from './oci-layout.js';
import { MASKED_PATHS, READONLY_PATHS } from './oci-paths.js';
import type { OciSpec } from './oci-spec.js';
import { planPod, type PlanPodInput } from './plan-pod.js';
import type { Stage1Info } from './stage1-info.js';
import { IMAGE_TREE, makeTree, testImageManifest, useTempDirs, type TreeSpec } from './test-fixtures.js';
import { writePodPlan } from './write-plan.js';

const tempDir = useTempDirs();
const UUID = '6f1b2c3d-1111-4222-8333-444455556666';
const stage1: Stage1Info = {
  name: 'coreos.com/rkt/stage1-default',
  version: '1',
  interfaceVersion: 5,
  entrypoints: { run: '/run' },
  planFormat: 'oci-v1',
  supportsMutable: false,
};
const UP = '../../../../../..'; // bundle -> pod dir
const S1 = '../../../..'; // bundle -> stage1/rootfs

async function input(apps: Record<string, Partial<App>>, tree: TreeSpec = IMAGE_TREE): Promise<PlanPodInput> {
  const dir = await tempDir();
  const lower = await makeTree(join(dir, 'lower'), tree);
  const manifest: PodManifest = {
    acKind: 'PodManifest',
    acVersion: '1.31.0-dev',
    apps: Object.keys(apps).map((name) => ({
      name,
      image: { id: 'sha512-x' },
      mounts: [{ volume: 'shared', path: '/shared' }],
    })),
    volumes: [
      { name: 'shared', kind: 'empty', mode: '0770', uid: 0, gid: 100 },
      { name: 'host', kind: 'host', source: dir, readOnly: true },
    ],
  };
  return {
    uuid: UUID,
    podDir: join(dir, 'pod'),
    manifest,
    stage1,
    apps: Object.entries(apps).map(([name, app]) => ({
      name,
      imageManifest: testImageManifest(app),
      rootfs: { kind: 'overlay' as const, lower, treeStoreId: 'deps-1' },
    })),
  };
}

async function specs(i: PlanPodInput): Promise<Map<string, OciSpec>> {
  const plan = await planPod(i);
  await writePodPlan(i.podDir, plan);
  const out = new Map<string, OciSpec>();
  for (const [key, path] of [
    ['pause', OCI_V1.pauseBundle],
    ['pause-host', OCI_V1.pauseHostNetBundle],
    ...i.manifest.apps.map((a) => [a.name, OCI_V1.appBundle(a.name)]),
    ...i.manifest.apps.map((a) => [`${a.name}/pre-start`, OCI_V1.handlerBundle(a.name, 'pre-start')]),
  ] as const) {
    const text = await readFile(join(i.podDir, path, 'config.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(key, JSON.parse(text) as OciSpec);
  }
  return out;
}

describe('plan format oci-v1', () => {
  it("translates an app: its process, its root, the pod's namespaces, cgroup, mounts, paths", async () => {
    const i = await input({
      web: {
        user: 'app',
        group: 'users',
        supplementaryGIDs: [5, 6],
        workingDirectory: '/home/app',
        environment: [{ name: 'K', value: 'v w' }],
      },
    });
    const web = (await specs(i)).get('web')!;
    expect(web.process).toEqual({
      terminal: false,
      user: { uid: 1000, gid: 100, additionalGids: [5, 6] },
      args: ['/bin/sh', '-c', 'echo hi'],
      env: [
        'K=v w',
        'AC_APP_NAME=web',
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'SHELL=/bin/sh',
        'USER=root',
        'LOGNAME=root',
        'HOME=/root',
      ],
      cwd: '/home/app',
      capabilities: {
        bounding: [...DEFAULT_CAPABILITIES],
        effective: [],
        permitted: [],
        inheritable: [],
        ambient: [],
      },
      noNewPrivileges: true,
    });
    expect(web.hostname).toBeUndefined();
    expect(web.root).toEqual({ path: `${S1}/opt/stage2/web/rootfs`, readonly: false });
    expect(web.linux.namespaces).toEqual([
      { type: 'pid', path: `${UP}/ns/pid` },
      { type: 'ipc', path: `${UP}/ns/ipc` },
      { type: 'uts', path: `${UP}/ns/uts` },
      { type: 'network', path: `${UP}/ns/net` },
      { type: 'mount' },
    ]);
    expect(web.linux.cgroupsPath).toBe(`/rkt/${UUID}/web`);
    expect(web.linux.resources).toBeUndefined();
    expect(web.linux.seccomp?.defaultAction).toBe('SCMP_ACT_KILL_PROCESS');
    expect(web.linux.maskedPaths).toEqual([...MASKED_PATHS]);
    expect(web.linux.readonlyPaths).toEqual([...READONLY_PATHS]);
    expect(MASKED_PATHS).toEqual(
      expect.arrayContaining(['/proc/kcore', '/proc/kallsyms', '/sys/firmware', '/sys/fs']),
    );
    expect(READONLY_PATHS).toEqual(
      expect.arrayContaining(['/proc/sys', '/proc/sysrq-trigger', '/sys/kernel']),
    );
    expect(web.mounts.map((m) => [m.destination, m.type, m.source, m.options.join(',')])).toEqual([
      ['/proc', 'proc', 'proc', 'nosuid,noexec,nodev'],
      ['/dev', 'tmpfs', 'tmpfs', 'nosuid,strictatime,mode=755,size=65536k'],
      ['/dev/pts', 'devpts', 'devpts', 'nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5'],
      ['/dev/shm', 'bind', `${UP}/shm`, 'rbind,nosuid,nodev,noexec'],
      ['/dev/mqueue', 'mqueue', 'mqueue', 'nosuid,noexec,nodev'],
      ['/sys', 'sysfs', 'sysfs', 'nosuid,noexec,nodev,ro'],
      ['/shared', 'bind', `${UP}/sharedVolumes/shared`, 'bind,rw'],
      ['/etc/hostname', 'bind', `${S1}/etc/hostname`, 'bind,ro'],
      ['/etc/hosts', 'bind', `${S1}/etc/hosts-fallback`, 'bind,ro'],
    ]);
  });

  it('keeps an image /etc/hosts, binds host volumes read-only and recursive, resolves symlinked targets in the root', async () => {
    const i = await input(
      { a: { mountPoints: [{ name: 'host', path: '/data', readOnly: true }] } },
      {
        ...IMAGE_TREE,
        'etc/hosts': '127.0.0.1 image\n',
        data: { link: '/tmp/../var/data' },
        'var/data': { dir: true },
      },
    );
    i.manifest.apps[0]!.mounts = [{ volume: 'host', path: '/data' }];
    const a = (await specs(i)).get('a')!;
    const source = i.manifest.volumes![1]!.kind === 'host' ? i.manifest.volumes![1]!.source : '';
    expect(a.mounts.slice(6).map((m) => [m.destination, m.source, m.options.join(',')])).toEqual([
      ['/var/data', source, 'rbind,ro'],
      ['/etc/hostname', `${S1}/etc/hostname`, 'bind,ro'],
    ]);
  });

  it('applies isolators: caps for root, resources, oom score, seccomp with errno', async () => {
    const isolators = parseIsolators(
      [
        { name: 'os/linux/capabilities-retain-set', value: { set: ['CAP_NET_ADMIN'] } },
        { name: 'resource/memory', value: { limit: '32Mi' } },
        { name: 'os/linux/oom-score-adj', value: 500 },
        { name: 'os/linux/seccomp-remove-set', value: { set: ['mkdir'], errno: 'EPERM' } },
      ],
      'isolators',
      'app',
    );
    const a = (await specs(await input({ a: { isolators } }))).get('a')!;
    expect(a.process.capabilities).toEqual({
      bounding: ['CAP_NET_ADMIN'],
      effective: ['CAP_NET_ADMIN'],
      permitted: ['CAP_NET_ADMIN'],
      inheritable: [],
      ambient: [],
    });
    expect(a.process.oomScoreAdj).toBe(500);
    expect(a.linux.resources).toEqual({ memory: { limit: 32 << 20 } });
    expect(a.linux.seccomp).toEqual({
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [{ names: ['mkdir'], action: 'SCMP_ACT_ERRNO', errnoRet: 1 }],
    });
  });

  it('writes the pause: the namespaces (network unless host), the hostname, nothing else', async () => {
    const s = await specs(await input({ a: {} }));
    const pause = s.get('pause')!;
    expect(pause.process.args).toEqual(['/pause']);
    expect(pause.process.capabilities.bounding).toEqual([]);
    expect(pause.hostname).toBe(`rkt-${UUID}`);
    expect(pause.root).toEqual({ path: '../../../../pause', readonly: true });
    expect(pause.linux.namespaces.map((n) => n.type)).toEqual(['pid', 'ipc', 'uts', 'mount', 'network']);
    expect(s.get('pause-host')!.linux.namespaces.map((n) => n.type)).toEqual(['pid', 'ipc', 'uts', 'mount']);
    expect(pause.linux.cgroupsPath).toBe(`/rkt/${UUID}/_pause`);
    expect(pause.mounts).toEqual([]);
  });

  it('writes event handlers as the same container with another argv', async () => {
    const s = await specs(
      await input({ a: { eventHandlers: [{ name: 'pre-start', exec: ['sh', '-c', 'touch /x'] }] } }),
    );
    const pre = s.get('a/pre-start')!;
    expect(pre.process.args).toEqual(['/bin/sh', '-c', 'touch /x']);
    expect({ ...pre, process: { ...pre.process, args: [] } }).toEqual({
      ...s.get('a'),
      process: { ...s.get('a')!.process, args: [] },
    });
  });

  it('writes the sh-sourced plan, the rkt env files and the shm mount point', async () => {
    const i = await input({ a: {}, b: { eventHandlers: [{ name: 'post-stop', exec: ['/bin/sh'] }] } });
    await specs(i);
    const pod = await readFile(join(i.podDir, OCI_V1.podFile), 'utf8');
    expect(pod).toContain("RKT_PLAN_FORMAT='oci-v1'\n");
    expect(pod).toContain("POD_APPS='a b'\n");
    expect(pod).toContain(`POD_HOSTNAME='rkt-${UUID}'\n`);
    expect(pod).toMatch(/^OCI_CAPABILITIES='CAP_CHOWN CAP_DAC_OVERRIDE .* CAP_CHECKPOINT_RESTORE'$/m);
    const b = await readFile(join(i.podDir, OCI_V1.appFile('b')), 'utf8');
    expect(b).toContain("APP_ROOT='stage1/rootfs/opt/stage2/b/rootfs'\n");
    expect(b).toContain("APP_OVERLAY_UPPER='overlay/deps-1/upper/b'\n");
    expect(b).toContain("APP_PRE_START=''\nAPP_POST_STOP='post-stop'\n");
    expect(b).toContain("APP_ETC_HOSTS='/etc/hosts'\nAPP_ETC_RESOLV='/etc/resolv.conf'\n");
    expect(await readFile(join(i.podDir, OCI_V1.rktEnvFile('a')), 'utf8')).toContain('AC_APP_NAME=a\n');
    expect((await stat(join(i.podDir, 'shm'))).isDirectory()).toBe(true);
  });
});
