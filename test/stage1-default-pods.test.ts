// stage1-default end to end, as root: pods of several apps (shared namespaces, per-app isolators,
// fail-fast exit statuses), two pods side by side, volumes, and event handlers.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { RKT, rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';
import {
  cleanUpPods,
  field,
  hostLeftovers,
  onlyPod,
  runArgs,
  startPod,
  useStage1DefaultCopy,
  waitRunning,
} from './stage1-default-fixture.js';

const tempDir = useTempDirs('rkt-e2e-s1d-pods-');
useStage1DefaultCopy();
cleanUpPods();

const app = (name: string, script: string, ...flags: string[]): string[] => [
  testImages().busybox.path,
  `--name=${name}`,
  ...flags,
  '--exec=/bin/sh',
  '--',
  '-c',
  script,
  '---',
];

async function runPod(apps: string[][], extra: string[] = []) {
  const dir = await tempDir();
  const r = await rkt(runArgs(dir, ['--net=none', ...extra, ...apps.flat()]));
  const pod = await onlyPod(dir);
  const status = async (a: string) =>
    readFile(join(pod.podDir, 'stage1/rootfs/rkt/status', a), 'utf8').catch(() => 'none');
  return { ...r, dir, ...pod, status };
}

/** An image from the busybox tree plus `extra` (a manifest + rootfs layout when `manifest` is given). */
async function buildImage(
  name: string,
  extra: (rootfs: string) => Promise<void>,
  manifest?: object,
): Promise<string> {
  const dir = await tempDir();
  const rootfs = join(dir, 'layout/rootfs');
  await mkdir(join(dir, 'layout'));
  execFileSync('sh', [join(import.meta.dirname, '../scripts/busybox-rootfs.sh'), rootfs]);
  await extra(rootfs);
  const out = join(dir, `${name}.aci`);
  if (manifest !== undefined) {
    await writeFile(join(dir, 'layout/manifest'), JSON.stringify(manifest));
    execFileSync(RKT, ['image', 'build', join(dir, 'layout'), out]);
  } else {
    execFileSync(RKT, [
      'image',
      'build',
      rootfs,
      out,
      `--name=example.com/${name}`,
      '--exec=/bin/sh',
      '--user=0',
      '--group=0',
    ]);
  }
  return out;
}

describe('stage1-default: pods of several apps', () => {
  it('shares pid, ipc, uts namespaces and /dev/shm between apps; each keeps its root and isolators', async () => {
    const a = app(
      'a',
      'touch /dev/shm/from-a /only-in-a; sleep 0.6; ls /dev/shm | tr "\\n" " "; echo; ps -o comm | sort | tr "\\n" " "; echo; hostname; ls /only-in-b 2>&1 | grep -c "No such"; grep CapBnd /proc/self/status',
      '--caps-retain=CAP_CHOWN',
    );
    const b = app(
      'b',
      'touch /dev/shm/from-b /only-in-b; sleep 1; grep CapBnd /proc/self/status >&2',
      '--memory=64M',
    );
    const r = await runPod([a, b]);
    expect(r.code).toBe(0);
    const [shm, procs, host, isolated] = r.stdout.split('\n');
    expect(shm).toBe('from-a from-b ');
    expect(procs?.split(' ')).toEqual(expect.arrayContaining(['pause', 'sleep'])); // b's sleep
    expect(host).toBe(`rkt-${r.uuid}`);
    expect(isolated).toBe('1');
    expect(field(r.stdout, 'CapBnd')).toBe('0000000000000001');
    expect(field(r.stderr, 'CapBnd')).toBe('00000000a80425fb');
    expect(await r.status('a')).toBe('0\n');
    expect(await r.status('b')).toBe('0\n');
    expect(await hostLeftovers(r.dir, r.podDir, r.uuid)).toEqual([]);
  });

  it('fails fast: the first failing app stops the others and its status is the pod’s', async () => {
    const early = await runPod([app('a', 'exit 2'), app('b', 'sleep 30')]);
    expect(early.code).toBe(2);
    expect(await early.status('a')).toBe('2\n');
    expect(await early.status('b')).toBe('143\n');
    const late = await runPod([app('a', 'exit 0'), app('b', 'sleep 0.5; exit 5')]);
    expect(late.code).toBe(5);
    expect(await late.status('a')).toBe('0\n');
    expect(await late.status('b')).toBe('5\n');
    expect(await hostLeftovers(late.dir, late.podDir, late.uuid)).toEqual([]);
  });

  it('keeps two pods apart: processes, hostname, /dev/shm', async () => {
    const dir1 = await tempDir();
    const first = startPod(dir1, ['--net=none', ...app('one', 'touch /dev/shm/one; exec sleep 30')]);
    const p1 = await waitRunning(dir1);
    const second = await runPod([
      app('two', 'ps -o comm | sort | tr "\\n" " "; echo; hostname; ls /dev/shm | wc -l'),
    ]);
    const [procs, host, shm] = second.stdout.split('\n');
    expect(procs).toContain('pause');
    expect(procs).not.toContain('sleep');
    expect(host).toBe(`rkt-${second.uuid}`);
    expect(shm).toBe('0');
    expect(second.uuid).not.toBe(p1.uuid);
    void first;
  });

  it('mounts volumes (host read-only, empty shared) and cannot be redirected onto the host by a symlink', async () => {
    const host = await tempDir();
    await writeFile(join(host, 'from-host'), 'hi\n');
    // /data in the image points at a host path; the mount must land inside the app's root
    const image = await buildImage('symlinked', async (rootfs) => {
      await symlink('/etc', join(rootfs, 'data'));
    });
    const victim = await readFile('/etc/hostname', 'utf8');
    const r = await runPod(
      [
        [
          image,
          '--name=a',
          '--exec=/bin/sh',
          '--',
          '-c',
          'cat /etc/from-host; touch /etc/x 2>&1 | grep -c Read-only; touch /shared/a',
          '---',
        ],
        app('b', 'sleep 0.5; ls /shared'),
      ],
      [
        `--volume=data,kind=host,source=${host},readOnly=true`,
        '--volume=shared,kind=empty',
        '--mount=volume=data,target=/data',
        '--mount=volume=shared,target=/shared',
      ],
    );
    // /etc is the volume in this app: the pod's /etc/hostname is not bound over a host file
    expect(r.stderr).toMatch(
      /^run: app "a": not binding the pod's \/etc\/hostname: it lies in volume data$/m,
    );
    expect(r.stdout).toBe('hi\n1\na\n');
    expect(await readFile('/etc/hostname', 'utf8')).toBe(victim);
    expect(execFileSync('ls', [host], { encoding: 'utf8' })).toBe('from-host\n');
  });

  it('runs pre-start in the app’s root before it and post-stop after it', async () => {
    const manifest = {
      acKind: 'ImageManifest',
      acVersion: '0.8.11',
      name: 'example.com/handlers',
      labels: [
        { name: 'os', value: 'linux' },
        { name: 'arch', value: 'amd64' },
      ],
      app: {
        exec: ['/bin/sh', '-c', 'cat /tmp/pre; echo app > /tmp/app'],
        user: '0',
        group: '0',
        eventHandlers: [
          { name: 'pre-start', exec: ['/bin/sh', '-c', 'echo pre-start > /tmp/pre'] },
          { name: 'post-stop', exec: ['/bin/sh', '-c', 'echo "post-stop after $(cat /tmp/app)" >&2'] },
        ],
      },
    };
    const image = await buildImage('handlers', async () => undefined, manifest);
    const r = await runPod([[image]]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('pre-start\n');
    expect(r.stderr).toBe('post-stop after app\n');
  });
});
