// stage1-default end to end, as root, through `rkt run --stage1-path=...`: what an app sees from inside
// its pod (the security checks), and that the host is left as it was.
import { readFile } from 'node:fs/promises';
import { hostname as hostHostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testImages } from './helpers/images.js';
import { rkt } from './helpers/rkt.js';
import { useTempDirs } from './helpers/temp.js';
import {
  cleanUpPods,
  field,
  hostLeftovers,
  onlyPod,
  runArgs,
  useStage1DefaultCopy,
} from './stage1-default-fixture.js';

const tempDir = useTempDirs('rkt-e2e-s1d-');
useStage1DefaultCopy();
cleanUpPods();

const DEFAULT_CAPS = '00000000a80425fb';
const sh = (script: string): string[] => ['--exec=/bin/sh', '--', '-c', script];

async function run(args: readonly string[], insecure = '') {
  const dir = await tempDir();
  const r = await rkt(runArgs(dir, ['--net=none', ...args], insecure));
  const pod = await onlyPod(dir);
  return { ...r, dir, ...pod };
}

describe('stage1-default: a pod of one app', () => {
  it("runs the image's app, exits with its status, records pid and status, leaves nothing behind", async () => {
    const r = await run([testImages().busybox.path]);
    expect(r).toMatchObject({ code: 0, stdout: 'hello from busybox\n', stderr: '' });
    expect(await readFile(join(r.podDir, 'pid'), 'utf8')).toMatch(/^[1-9]\d*\n$/);
    expect(await readFile(join(r.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('0\n');
    expect(await hostLeftovers(r.dir, r.podDir, r.uuid)).toEqual([]);
    const failing = await run([testImages().busybox.path, ...sh('exit 7')]);
    expect(failing.code).toBe(7);
    expect(await readFile(join(failing.podDir, 'stage1/rootfs/rkt/status/busybox'), 'utf8')).toBe('7\n');
  });

  it('confines a root app: own pid namespace, appc caps, no_new_privs, seccomp, no mount, no kernel writes', async () => {
    const script = [
      'grep -E "^(CapBnd|CapEff|CapPrm|NoNewPrivs|Seccomp):" /proc/self/status',
      'echo "one: $(cat /proc/1/cmdline) all: $(for p in /proc/[0-9]*; do cat $p/comm; done | sort -u | tr "\\n" " ")"',
      'mount -t tmpfs none /mnt 2>/dev/null; echo "mount: $?"',
      'hostname evil 2>/dev/null; echo "sethostname: $?"',
      '(echo evil > /proc/sys/kernel/hostname) 2>/dev/null; echo "proc-sys: $?"',
      '(echo 1 > /sys/kernel/profiling) 2>/dev/null; echo "sys: $?"',
      'echo x > /tmp/m.ko; insmod /tmp/m.ko 2>/dev/null; echo "insmod: $?"',
      'unshare -n true 2>/dev/null; echo "unshare: $?"',
      'echo "keys: $(wc -c < /proc/keys) kallsyms: $(wc -c < /proc/kallsyms) firmware: $(ls /sys/firmware | wc -l)"',
    ].join('; ');
    const r = await run([testImages().busybox.path, ...sh(script)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(field(out, 'CapBnd')).toBe(DEFAULT_CAPS);
    expect(field(out, 'CapEff')).toBe(DEFAULT_CAPS);
    expect(field(out, 'NoNewPrivs')).toBe('1');
    expect(field(out, 'Seccomp')).toBe('2');
    // pid 1 is the pause, then the shell and its pipeline (members may or may not be running when
    // /proc is read; busybox applets show as sh): nothing of the host
    const seen = /^one: (\S+) all: (.*)$/m.exec(out);
    expect(seen?.[1]).toBe('/pause');
    const names = (seen?.[2] ?? '').trim().split(' ');
    expect(names).toContain('pause');
    expect(names.filter((n) => !['pause', 'sh', 'sort', 'tr', 'cat'].includes(n))).toEqual([]);
    expect(out).toMatch(/^mount: 159$/m); // SIGSYS: mount is not in the default whitelist
    expect(out).toMatch(/^sethostname: 159$/m);
    expect(out).toMatch(/^proc-sys: [12]$/m);
    expect(out).toMatch(/^sys: [12]$/m);
    expect(out).toMatch(/^insmod: 159$/m);
    expect(out).toMatch(/^unshare: 159$/m);
    expect(out).toMatch(/^keys: 0 kallsyms: 0 firmware: 0$/m);
    expect(hostHostname()).not.toBe('evil');
  });

  it('runs a non-root app with no effective capabilities, its user, groups, directory and environment', async () => {
    const script = 'id; pwd; grep -E "^(CapBnd|CapEff|NoNewPrivs):" /proc/self/status; env | sort';
    const r = await run([
      testImages().busyboxUser.path,
      '--user=app',
      '--group=users',
      '--supplementary-gids=5,1000',
      '--working-dir=/home/app',
      '--environment=EXTRA=x y',
      ...sh(script),
    ]);
    expect(r.stderr).toBe('');
    const [id, pwd] = r.stdout.split('\n');
    expect(id).toBe('uid=1000(app) gid=100(users) groups=5,1000(app)');
    expect(pwd).toBe('/home/app');
    expect(field(r.stdout, 'CapBnd')).toBe(DEFAULT_CAPS);
    expect(field(r.stdout, 'CapEff')).toBe('0000000000000000');
    expect(field(r.stdout, 'NoNewPrivs')).toBe('1');
    for (const line of [
      'AC_APP_NAME=busybox-user',
      'EXTRA=x y',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ])
      expect(r.stdout.split('\n')).toContain(line);
  });

  it('names the pod rkt-<uuid> or --hostname, in /etc/hostname and /etc/hosts too', async () => {
    const script = 'hostname; cat /etc/hostname; grep -c "$(hostname)" /etc/hosts; ip -o link | cut -d: -f2';
    const r = await run([testImages().busybox.path, ...sh(script)]);
    expect(r.stdout).toBe(`rkt-${r.uuid}\nrkt-${r.uuid}\n1\n lo\n`);
    const named = await run(['--hostname=pod-one', testImages().busybox.path, ...sh(script)]);
    expect(named.stdout).toBe('pod-one\npod-one\n1\n lo\n');
  });

  it('applies capability, seccomp and read-only-root isolators from flags', async () => {
    const caps = await run([
      testImages().busybox.path,
      '--caps-retain=CAP_NET_ADMIN,CAP_CHOWN',
      ...sh('grep CapBnd /proc/self/status'),
    ]);
    expect(field(caps.stdout, 'CapBnd')).toBe('0000000000001001');
    const removed = await run([
      testImages().busybox.path,
      '--caps-remove=CAP_NET_RAW',
      ...sh('grep CapBnd /proc/self/status'),
    ]);
    expect(field(removed.stdout, 'CapBnd')).toBe('00000000a80405fb');
    const errno = await run([
      testImages().busybox.path,
      '--seccomp=mode=remove,errno=EACCES,mkdir,mkdirat',
      ...sh('mkdir /tmp/x; echo "mkdir: $?"; touch /tmp/y && echo touched'),
    ]);
    expect(errno.stdout).toBe('mkdir: 1\ntouched\n');
    expect(errno.stderr).toMatch(/Permission denied/);
    const killed = await run([
      testImages().busybox.path,
      '--seccomp=mode=remove,mkdir,mkdirat',
      ...sh('mkdir /tmp/x'),
    ]);
    expect(killed.code).toBe(159);
    const ro = await run([
      testImages().busybox.path,
      '--readonly-rootfs=true',
      ...sh('touch /x; echo "rc $?"; touch /dev/shm/ok && echo shm'),
    ]);
    expect(ro.stdout).toBe('rc 1\nshm\n');
  });

  it('--insecure-options=capabilities,paths,seccomp relax the app', async () => {
    const script =
      'grep -E "^(CapBnd|Seccomp):" /proc/self/status; echo "firmware: $(ls /sys/firmware | wc -l)"';
    const r = await run([testImages().busybox.path, ...sh(script)], 'capabilities,paths,seccomp');
    expect(r.stderr).toBe('');
    expect(field(r.stdout, 'Seccomp')).toBe('0');
    expect(BigInt(`0x${field(r.stdout, 'CapBnd')}`) & 0x200000n).toBe(0x200000n); // CAP_SYS_ADMIN
    expect(r.stdout).not.toMatch(/^firmware: 0$/m);
  });

  it('kills a memory hog beyond --memory inside the pod; the host carries on', async () => {
    const r = await run([
      testImages().busybox.path,
      '--memory=32M',
      ...sh('head -c 104857600 /dev/zero | tail; echo "rc $?"'),
    ]);
    expect(r.stdout).toBe('rc 137\n');
    expect(await hostLeftovers(r.dir, r.podDir, r.uuid)).toEqual([]);
  });

  it('--net=host shares the host network; the implicit default stays contained; others are refused', async () => {
    const r = await run([testImages().busybox.path, ...sh('ip -o link | wc -l; hostname')].slice(0), '');
    expect(r.code).toBe(0);
    const dir = await tempDir();
    const host = await rkt(
      runArgs(dir, ['--net=host', testImages().busybox.path, ...sh('ip -o link | wc -l')]),
    );
    expect(Number(host.stdout.trim())).toBeGreaterThan(1);
    const contained = await rkt(
      runArgs(await tempDir(), ['--net=default', testImages().busybox.path, ...sh('ip -o link | wc -l')]),
    );
    expect(contained.code).toBe(0);
    expect(contained.stdout).toBe('1\n');
    expect(contained.stderr).toBe('');
    const refused = await rkt(runArgs(await tempDir(), ['--net=mynet', testImages().busybox.path]));
    expect(refused.code).toBe(254);
    expect(refused.stderr).toMatch(/--net=mynet is not supported by stage1-default/);
  });
});
