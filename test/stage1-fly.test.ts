// The fly stage1 end to end, as root: pods laid out by hand with the planner (stage1-fly-fixture.ts),
// the built bin/stage1-fly.aci's entrypoints run for real. What the app sees and what the pod records.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { useTempDirs } from './helpers/temp.js';
import {
  killLeftoverRuns,
  makeFlyPod,
  runEntrypoint,
  startRun,
  useStage1Copy,
  type FlyAppSpec,
} from './stage1-fly-fixture.js';

const tempDir = useTempDirs('rkt-e2e-fly-');
useStage1Copy();
killLeftoverRuns();

const sh = (script: string, over: Partial<FlyAppSpec['app']> = {}): FlyAppSpec['app'] => ({
  exec: ['/bin/sh', '-c', script],
  user: '0',
  group: '0',
  ...over,
});

const busybox = (app?: FlyAppSpec['app'], extra: Partial<FlyAppSpec> = {}): FlyAppSpec => ({
  name: 'busybox',
  image: testImages().busybox.path,
  ...(app ? { app } : {}),
  ...extra,
});

describe('stage1-fly run', () => {
  it("runs the image's app: its output is ours, exit 0, pid and status files written", async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox()]);
    const r = await startRun(pod).done;
    expect(r).toEqual({ code: 0, signal: null, stdout: 'hello from busybox\n', stderr: '' });
    expect(await readFile(join(pod.podDir, 'pid'), 'utf8')).toMatch(/^[1-9]\d*\n$/);
    expect(await readFile(join(pod.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('0\n');
  });

  it("exits with the app's status", async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox(sh('echo out; echo err >&2; exit 7'))]);
    const r = await startRun(pod).done;
    expect(r).toMatchObject({ code: 7, stdout: 'out\n', stderr: 'err\n' });
    expect(await readFile(join(pod.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('7\n');
  });

  it('gives the app its user, groups, working directory and environment', async () => {
    const odd = `it's "$HOME" \`id\` \\ and\nnewline`;
    const app = sh('id; pwd; env; test -w /tmp && echo tmp-writable', {
      user: 'app',
      group: 'users',
      supplementaryGIDs: [5, 1000],
      workingDirectory: '/home/app',
      environment: [
        { name: 'GREETING', value: 'hi' },
        { name: 'ODD', value: odd },
      ],
    });
    const pod = await makeFlyPod(await tempDir(), [busybox(app)]);
    const r = await startRun(pod).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [id, pwd, ...rest] = r.stdout.split('\n');
    expect(id).toBe('uid=1000(app) gid=100(users) groups=5,1000(app)');
    expect(pwd).toBe('/home/app');
    const env = rest.join('\n');
    for (const line of [
      'GREETING=hi',
      `ODD=${odd}`,
      'AC_APP_NAME=busybox',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'SHELL=/bin/sh',
      'USER=root',
      'LOGNAME=root',
      'HOME=/root',
    ])
      expect(env).toContain(`${line}\n`);
    expect(env).not.toContain('RKT_LOCK_FD');
    expect(env).toContain('tmp-writable\n');
  });

  it('runs an image as the non-root user its manifest names, exec found in the tree', async () => {
    const pod = await makeFlyPod(await tempDir(), [{ name: 'user', image: testImages().busyboxUser.path }]);
    const r = await startRun(pod).done;
    expect(r).toMatchObject({ code: 0, stdout: 'uid=1000(app) gid=1000(app)\n' });
  });

  it('shows a host volume and an empty volume, read-only where asked, and keeps what the app wrote', async () => {
    const base = await tempDir();
    const hostDir = join(base, 'host-data');
    await mkdir(hostDir);
    await writeFile(join(hostDir, 'in.txt'), 'from the host\n');
    const app = sh(
      'cat /in/in.txt; echo written > /scratch/out.txt; touch /in/x 2>/dev/null || echo in-is-ro; ls -ld /scratch',
    );
    const pod = await makeFlyPod(
      base,
      [
        busybox(app, {
          mounts: [
            { volume: 'in', path: '/in' },
            { volume: 'scratch', path: '/scratch' },
          ],
        }),
      ],
      {
        volumes: [
          { name: 'in', kind: 'host', source: hostDir, readOnly: true },
          { name: 'scratch', kind: 'empty', mode: '0710', uid: 0, gid: 0 },
        ],
      },
    );
    const r = await startRun(pod).done;
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^from the host\nin-is-ro\ndrwx--x--- .* \/scratch\n$/);
    expect(await readFile(join(pod.podDir, 'sharedVolumes/scratch/out.txt'), 'utf8')).toBe('written\n');
  });

  it('gives an image mount point without a volume an implicit empty volume', async () => {
    const app = sh('echo kept > /data/f; ls /data', { mountPoints: [{ name: 'data', path: '/data' }] });
    const pod = await makeFlyPod(await tempDir(), [busybox(app)]);
    expect(pod.plan.warnings[0]).toContain('implicitly creating an "empty" volume');
    const r = await startRun(pod).done;
    expect(r).toMatchObject({ code: 0, stdout: 'f\n' });
    expect(await readFile(join(pod.podDir, 'sharedVolumes/busybox-data/f'), 'utf8')).toBe('kept\n');
  });

  it('refuses writes to a read-only root filesystem, not to its volumes and /dev', async () => {
    const app = sh(
      'touch /newfile || echo refused; echo ok > /data/f && echo vol-ok; echo x > /dev/null && echo dev-ok',
      {
        mountPoints: [{ name: 'data', path: '/data' }],
      },
    );
    const pod = await makeFlyPod(await tempDir(), [busybox(app, { readOnlyRootFS: true })]);
    const r = await startRun(pod).done;
    expect(r.stderr).toContain('Read-only file system');
    expect(r.stdout).toBe('refused\nvol-ok\ndev-ok\n');
  });

  it('runs a copied tree (--no-overlay) the same way, leaving the copy changed', async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox(sh('echo copy > /root/f; cat /etc/motd'))], {
      overlay: false,
    });
    const r = await startRun(pod).done;
    expect(r).toMatchObject({ code: 0, stdout: 'rkt-ts busybox test image\n' });
    expect(await readFile(join(pod.podDir, 'stage1/rootfs/opt/stage2/busybox/rootfs/root/f'), 'utf8')).toBe(
      'copy\n',
    );
  });

  it("keeps an overlay app's writes in the pod's upper dir, never in the store's tree", async () => {
    const base = await tempDir();
    const pod = await makeFlyPod(base, [busybox(sh('echo changed > /etc/motd'))]);
    expect((await startRun(pod).done).code).toBe(0);
    expect(await readFile(join(pod.podDir, 'overlay/deps-test-busybox/upper/busybox/etc/motd'), 'utf8')).toBe(
      'changed\n',
    );
    expect(await readFile(join(base, 'tree/busybox/rootfs/etc/motd'), 'utf8')).toBe(
      'rkt-ts busybox test image\n',
    );
  });

  it('exits 127 like a shell when the program vanished after planning, with a stage1: line', async () => {
    const base = await tempDir();
    const pod = await makeFlyPod(base, [busybox(sh('true'))]);
    await rm(join(base, 'tree/busybox/rootfs/bin/sh'));
    expect(await startRun(pod).done).toMatchObject({
      code: 127,
      stdout: '',
      stderr: 'stage1: exec: cannot execute /bin/sh: No such file or directory\n',
    });
  });

  it('passes stdin to the app', async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox(sh('tr a-z A-Z'))]);
    expect((await startRun(pod, undefined, 'piped input\n').done).stdout).toBe('PIPED INPUT\n');
  });

  it("refuses two apps with rkt fly's words and 254", async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox(), { ...busybox(), name: 'second' }]);
    const r = await startRun(pod).done;
    expect(r).toEqual({
      code: 254,
      signal: null,
      stdout: '',
      stderr: 'stage1: fly only supports 1 application per Pod for now\n',
    });
  });

  it.each([
    [['--net=none', 'UUID'], 'stage1: fly only supports host networking; refusing --net=none\n'],
    [
      ['--net=default,mynet:IP=10.1.1.1', 'UUID'],
      'stage1: fly only supports host networking; refusing --net=default,mynet:IP=10.1.1.1\n',
    ],
    [['--net=host', '--mutable', 'UUID'], 'stage1: fly does not support mutable pods\n'],
    [['--net=host', '--bogus', 'UUID'], 'stage1: run: unknown option --bogus\n'],
    [
      ['--net=host', '00000000-0000-4000-8000-000000000000'],
      /^stage1: run: this is pod [-0-9a-f]+, not 00000000-/,
    ],
  ])('refuses run %j with 254', async (args, message) => {
    const pod = await makeFlyPod(await tempDir(), [busybox()]);
    const r = await startRun(
      pod,
      args.map((a) => (a === 'UUID' ? pod.uuid : a)),
    ).done;
    expect(r.code).toBe(254);
    expect(r.stderr).toMatch(message);
  });

  it('accepts the options stage0 passes to an interface version 5 stage1', async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox()]);
    const args = [
      '--debug',
      '--net=host',
      '--interactive',
      '--local-config=/etc/rkt',
      '--hostname=h',
      '--disable-paths',
      pod.uuid,
    ];
    const r = await startRun(pod, args).done;
    expect(r).toMatchObject({ code: 0, stdout: 'hello from busybox\n' });
    expect(r.stderr).toMatch(/^stage1: mounting the pod in mount namespace mnt:\[\d+\]\n$/);
  });

  it('gc has nothing to do and exits 0', async () => {
    const pod = await makeFlyPod(await tempDir(), [busybox()]);
    expect(await runEntrypoint(pod, 'gc', ['--debug', '--local-config', '/etc/rkt', pod.uuid])).toMatchObject(
      { code: 0, stderr: '' },
    );
  });
});
