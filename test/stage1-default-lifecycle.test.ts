// stage1-default end to end, as root, while a pod runs: its cgroups, the stop, enter and gc
// entrypoints (called the way stage0 calls them: cwd = the pod dir), --interactive, and the DNS
// files stage0 hands over.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { RKT, run } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';
import {
  cleanUpPods,
  entrypoint,
  field,
  hostLeftovers,
  runArgs,
  startPod,
  until,
  useStage1DefaultCopy,
  waitApp,
  waitRunning,
} from './stage1-default-fixture.js';

const tempDir = useTempDirs('rkt-e2e-s1d-life-');
useStage1DefaultCopy();
cleanUpPods();

const sleeper = (...flags: string[]): string[] => [
  '--net=none',
  testImages().busybox.path,
  ...flags,
  '--exec=/bin/sleep',
  '--',
  '30',
];
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

describe('stage1-default while a pod runs', () => {
  it('puts each app in /rkt/<uuid>/<app> with its limits; stop TERMs the apps and the pod ends 143, clean', async () => {
    const dir = await tempDir();
    const pod = startPod(
      dir,
      sleeper('--memory=48M', '--cpu=250m', '--cpu-shares=256', '--oom-score-adj=200'),
    );
    const { podDir, uuid, pid } = await waitRunning(dir);
    expect(await readFile(`/proc/${pid}/cmdline`, 'utf8')).toBe('/pause\0');
    const cg = (ctl: string, file: string) =>
      readFile(`/sys/fs/cgroup/${ctl}/rkt/${uuid}/busybox/${file}`, 'utf8');
    const app = await waitApp(podDir, uuid, 'busybox');
    expect(Number(await cg('memory', 'memory.limit_in_bytes'))).toBeLessThanOrEqual(48_000_000);
    expect(Number(await cg('memory', 'memory.limit_in_bytes'))).toBeGreaterThan(47_000_000);
    expect(await cg('cpu', 'cpu.cfs_quota_us')).toBe('25000\n');
    expect(await cg('cpu', 'cpu.shares')).toBe('256\n');
    expect(await readFile(`/proc/${app}/oom_score_adj`, 'utf8')).toBe('200\n');
    expect(await entrypoint(podDir, 'stop', [uuid])).toMatchObject({ code: 0, stderr: '' });
    expect((await pod.done).code).toBe(143);
    expect(await readFile(join(podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('143\n');
    expect(await hostLeftovers(dir, podDir, uuid)).toEqual([]);
  });

  it('stop --force KILLs the apps: 137', async () => {
    const dir = await tempDir();
    const pod = startPod(dir, sleeper());
    const { podDir, uuid } = await waitRunning(dir); // the apps may still be starting: they are KILLed too
    expect(await entrypoint(podDir, 'stop', ['--force', uuid])).toMatchObject({ code: 0 });
    expect((await pod.done).code).toBe(137);
    expect(await hostLeftovers(dir, podDir, uuid)).toEqual([]);
  });

  it('enter runs a command confined as the app (user, caps, no_new_privs, pod) and cannot overwrite binaries through /proc/<pid>/exe', async () => {
    const dir = await tempDir();
    startPod(dir, ['--net=none', testImages().busyboxUser.path, '--exec=/bin/sleep', '--', '30']);
    const { podDir, uuid, pid } = await waitRunning(dir);
    await waitApp(podDir, uuid, 'busybox-user');
    const crun = execFileSync('sh', ['-c', 'command -v crun'], { encoding: 'utf8' }).trim();
    const before = createHash('sha256')
      .update(await readFile(crun))
      .digest('hex');
    const script = [
      'id',
      'grep -E "^(CapEff|NoNewPrivs|Seccomp):" /proc/self/status',
      'hostname',
      'ps -o comm | grep -c sleep',
      '(echo x > /proc/self/exe) 2>/dev/null; echo "self exe: $?"',
      'for p in /proc/[0-9]*; do (echo x > $p/exe) 2>/dev/null && echo "wrote $p/exe"; done',
      'exit 3',
    ].join('; ');
    const r = await entrypoint(podDir, 'enter', [
      `--pid=${pid}`,
      '--appname=busybox-user',
      '--',
      '/bin/sh',
      '-c',
      script,
    ]);
    expect(r.code).toBe(3);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('uid=1000(app) gid=1000(app)');
    expect(field(r.stdout, 'CapEff')).toBe('0000000000000000');
    expect(field(r.stdout, 'NoNewPrivs')).toBe('1');
    expect(field(r.stdout, 'Seccomp')).toBe('2');
    expect(r.stdout).toContain(`rkt-${uuid}\n1\nself exe: 1\n`);
    expect(r.stdout).not.toContain('wrote');
    expect(
      createHash('sha256')
        .update(await readFile(crun))
        .digest('hex'),
    ).toBe(before);
    const bad = await entrypoint(podDir, 'enter', [`--pid=${pid}`, '--appname=nope', '--', '/bin/true']);
    expect(bad).toMatchObject({ code: 254, stderr: 'stage1: enter: this pod has no app named "nope"\n' });
  });

  it('gc removes what a killed supervisor left: containers, ns link, cgroups', async () => {
    const dir = await tempDir();
    const pod = startPod(dir, sleeper());
    const { podDir, uuid } = await waitRunning(dir);
    await waitApp(podDir, uuid, 'busybox');
    process.kill(-pod.child.pid!, 'SIGKILL'); // the supervisor, its wrappers and crun runs: not the containers
    await pod.exited;
    expect((await hostLeftovers(dir, podDir, uuid)).length).toBeGreaterThan(0);
    expect(await entrypoint(podDir, 'gc', [uuid])).toMatchObject({ code: 0, stderr: '' });
    // The killed pause (the pod's PID 1) finishes exiting once the host's PID 1 has reaped the app it
    // inherited from the killed `crun run`: this host reaps lazily.
    const clean = await until(async () =>
      (await hostLeftovers(dir, podDir, uuid)).length === 0 ? true : undefined,
    );
    expect(clean).toBe(true);
  });

  it('--interactive gives the app a real terminal when there is one, and the pipe otherwise', async () => {
    const dir = await tempDir();
    const args = runArgs(dir, [
      '--net=none',
      '--interactive',
      testImages().busybox.path,
      '--exec=/bin/sh',
      '--',
      '-c',
      'test -t 0 && test -t 1 && echo on-a-tty; read line; echo "read $line"',
    ]);
    const tty = await run('script', ['-qec', [RKT, ...args].map(quote).join(' '), '/dev/null'], {
      input: 'typed\n',
    });
    expect(tty.stdout.replace(/\r/g, '')).toMatch(/on-a-tty\n(typed\n)?read typed\n/);
    const piped = await run(
      RKT,
      runArgs(await tempDir(), ['--net=none', '--interactive', testImages().busybox.path, '--exec=/bin/cat']),
      {
        input: 'through the pipe\n',
      },
    );
    expect(piped).toMatchObject({ code: 0, stdout: 'through the pipe\n' });
    const notInteractive = await run(
      RKT,
      runArgs(await tempDir(), ['--net=none', testImages().busybox.path, '--exec=/bin/cat']),
      {
        input: 'ignored\n',
      },
    );
    expect(notInteractive).toMatchObject({ code: 0, stdout: '' });
  });

  it('binds the /etc/resolv.conf and /etc/hosts stage0 wrote (--dns-conf-mode=resolv=stage0,hosts=stage0)', async () => {
    const dir = await tempDir();
    const prep = await run(RKT, [
      `--dir=${dir}`,
      '--insecure-options=image',
      'prepare',
      '--quiet',
      runArgs(dir, [])[3]!,
      testImages().busybox.path,
      '--exec=/bin/sh',
      '--',
      '-c',
      'cat /etc/resolv.conf /etc/hosts',
    ]);
    const uuid = prep.stdout.trim().split('\n').pop()!;
    const podDir = join(dir, 'pods/run', uuid);
    await mkdir(join(dir, 'pods/run'), { recursive: true });
    await rename(join(dir, 'pods/prepared', uuid), podDir);
    await mkdir(join(podDir, 'stage1/rootfs/etc'), { recursive: true });
    await writeFile(
      join(podDir, 'stage1/rootfs/etc/rkt-resolv.conf'),
      '# Generated by rkt run\nnameserver 192.0.2.53\n',
    );
    await writeFile(
      join(podDir, 'stage1/rootfs/etc/rkt-hosts'),
      '127.0.0.1 localhost\n\n# Added by rkt run --hosts-entry\n192.0.2.7 db\n',
    );
    const entry = join(podDir, 'stage1/rootfs/run');
    const r = await new Promise<{ code: number | null; out: string; err: string }>((res) => {
      const child = spawn(
        'sh',
        [
          '-c',
          'exec 3<.; RKT_LOCK_FD=3 exec "$@"',
          'sh',
          entry,
          '--net=none',
          '--dns-conf-mode=resolv=stage0,hosts=stage0',
          uuid,
        ],
        { cwd: podDir },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => res({ code, out, err }));
    });
    expect(r.err).toBe('');
    expect(r.out).toBe(
      `# Generated by rkt run\nnameserver 192.0.2.53\n127.0.0.1 localhost\n\n# Added by rkt run --hosts-entry\n192.0.2.7 db\n127.0.0.1\trkt-${uuid}\n`,
    );
    expect(await hostLeftovers(dir, podDir, uuid)).toEqual([]);
  });
});
