// The fly stage1 while a pod runs, as root: who holds the pod lock, what the app inherits, where the
// mounts live, and the stop and enter entrypoints (run from the host's mount namespace, not the pod's).
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';
import {
  killLeftoverRuns,
  lockIsFree,
  makeFlyPod,
  mountsUnder,
  runEntrypoint,
  startRun,
  useStage1Copy,
  waitForPid,
} from './stage1-fly-fixture.js';

const tempDir = useTempDirs('rkt-e2e-fly-life-');
useStage1Copy();
killLeftoverRuns();

async function sleeper(base: string) {
  const app = {
    exec: ['/bin/sleep', '100'],
    user: '0',
    group: '0',
    workingDirectory: '/home/app',
    environment: [{ name: 'GREETING', value: 'from the pod' }],
  };
  return makeFlyPod(base, [{ name: 'busybox', image: testImages().busybox.path, app }]);
}

describe('stage1-fly while a pod runs', () => {
  it('holds the pod lock in the run process only, keeps fds from the app, and mounts nothing on the host', async () => {
    const base = await tempDir();
    expect(await mountsUnder(base)).toEqual([]);
    const pod = await sleeper(base);
    const run = startRun(pod);
    const pid = await waitForPid(pod);
    expect(lockIsFree(pod)).toBe(false);
    expect(await readlink(`/proc/${run.child.pid}/fd/3`)).toBe(pod.podDir);
    const rss = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${run.child.pid}/status`, 'utf8'))?.[1];
    expect(Number(rss)).toBeLessThan(4096); // the resident supervisor is a dash, not Node
    expect((await readdir(`/proc/${pid}/fd`)).sort()).toEqual(['0', '1', '2']);
    expect(await readlink(`/proc/${pid}/root`)).toBe(
      join(pod.podDir, 'stage1/rootfs/opt/stage2/busybox/rootfs'),
    );
    expect(await readlink(`/proc/${pid}/ns/mnt`)).not.toBe(await readlink('/proc/self/ns/mnt'));
    const podMounts = (await readFile(`/proc/${pid}/mountinfo`, 'utf8'))
      .split('\n')
      .map((l) => l.split(' ')[4]);
    expect(podMounts).toEqual(expect.arrayContaining(['/', '/dev', '/proc', '/sys']));
    expect(await mountsUnder(base)).toEqual([]);
    expect(await runEntrypoint(pod, 'stop', [pod.uuid])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await run.done).toMatchObject({ code: 143, signal: null });
    expect(lockIsFree(pod)).toBe(true);
    expect(await mountsUnder(base)).toEqual([]);
    expect(await readFile(join(pod.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('143\n');
  });

  it('stop --force kills the app: 137', async () => {
    const pod = await sleeper(await tempDir());
    const run = startRun(pod);
    await waitForPid(pod);
    expect(await runEntrypoint(pod, 'stop', ['--force', pod.uuid])).toMatchObject({ code: 0 });
    expect(await run.done).toMatchObject({ code: 137 });
    expect(await readFile(join(pod.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('137\n');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('forwards %s sent to the run process to the app', async (signal, code) => {
    const pod = await sleeper(await tempDir());
    const run = startRun(pod);
    await waitForPid(pod);
    run.child.kill(signal);
    expect(await run.done).toMatchObject({ code, signal: null });
  });

  it('enter runs a command as root in the app root, cwd and environment, and exits with its status', async () => {
    const pod = await sleeper(await tempDir());
    startRun(pod);
    const pid = await waitForPid(pod);
    const script = 'cat /etc/motd; pwd; id -u; echo "$AC_APP_NAME $GREETING"; ls /proc/self/fd; exit 3'; // fd 3: ls's own;
    const args = [`--pid=${pid}`, '--appname=busybox', '--', '/bin/sh', '-c', script];
    expect(await runEntrypoint(pod, 'enter', args)).toEqual({
      code: 3,
      signal: null,
      stdout: 'rkt-ts busybox test image\n/home/app\n0\nbusybox from the pod\n0\n1\n2\n3\n',
      stderr: '',
    });
  });

  it('enter without a command says which shell it chose', async () => {
    const pod = await sleeper(await tempDir());
    startRun(pod);
    const pid = await waitForPid(pod);
    const r = await runEntrypoint(
      pod,
      'enter',
      [`--pid=${pid}`, '--appname=busybox', '--'],
      'echo from-stdin\n',
    );
    expect(r).toEqual({
      code: 0,
      signal: null,
      stdout: 'from-stdin\n',
      stderr: 'enter: no command specified and the app has no /bin/bash, assuming "/bin/sh"\n',
    });
  });

  it.each([
    [['--pid=1', '--appname=nope', '--', 'true'], 'stage1: enter: this pod has no app named "nope"\n'],
    [['--pid=x', '--appname=busybox', '--', 'true'], 'stage1: enter: --pid must be a process id, got "x"\n'],
    [
      ['--pid=1', '--appname=../busybox', '--', 'true'],
      'stage1: enter: --appname must be an app name, got "../busybox"\n',
    ],
  ])('enter refuses %j with 254', async (args, stderr) => {
    const pod = await sleeper(await tempDir());
    expect(await runEntrypoint(pod, 'enter', args)).toMatchObject({ code: 254, stderr });
  });

  it('stop of a pod that never started fails with 254', async () => {
    const pod = await sleeper(await tempDir());
    expect(await runEntrypoint(pod, 'stop', [pod.uuid])).toMatchObject({
      code: 254,
      stderr: `stage1: stop: pod ${pod.uuid} has no pid file: it is not running\n`,
    });
  });
});
