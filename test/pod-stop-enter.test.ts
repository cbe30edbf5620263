// A running fly pod through bin/rkt, as root: enter, stop, stop --force, what processes the pod is
// made of (no Node among them) and what they cost in memory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comm, exe, processTree, rktIn, runSleeper, testImages, usePodDirs } from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-stop-');

describe('rkt enter', () => {
  it('runs a command in the running app and exits with its status', async () => {
    const dir = await tempDir();
    const { uuid } = await runSleeper(dir);
    const host = readFileSync('/proc/sys/kernel/hostname', 'utf8').trim();
    const r = await rktIn(dir, ['enter', uuid, '/bin/sh', '-c', 'echo $AC_APP_NAME; hostname; exit 4']);
    expect(r).toMatchObject({ code: 4, stdout: `busybox\n${host}\n`, stderr: '' });
    const withApp = await rktIn(dir, ['enter', '--app=busybox', uuid.slice(0, 8), 'cat', '/etc/motd']);
    expect(withApp).toMatchObject({ code: 0, stdout: 'rkt-ts busybox test image\n' });
  });

  it('without a command lets the stage1 pick a shell, which reads stdin', async () => {
    const dir = await tempDir();
    const { uuid } = await runSleeper(dir);
    const r = await rktIn(dir, ['enter', uuid], { input: 'echo in the pod; exit 6\n' });
    expect(r).toMatchObject({ code: 6, stdout: 'in the pod\n' });
    expect(r.stderr).toMatch(/assuming "\/bin\/sh"/);
  });

  it('refuses pods that do not run, and apps the pod lacks', async () => {
    const dir = await tempDir();
    const done = await rktIn(dir, ['--insecure-options=image', 'prepare', testImages().busybox.path]);
    const uuid = done.stdout.trim();
    expect(await rktIn(dir, ['enter', uuid, 'true'])).toMatchObject({
      code: 254,
      stderr: `enter: pod "${uuid}" isn't currently running\n`,
    });
    const running = await runSleeper(dir);
    expect(await rktIn(dir, ['enter', '--app=nope', running.uuid, 'true'])).toMatchObject({
      code: 254,
      stderr: `enter: unable to determine app name: pod "${running.uuid}" has no app named "nope"\n`,
    });
  });
});

describe('rkt stop', () => {
  it.each([
    [[], 143],
    [['--force'], 137],
  ])('stop %j ends the pod; rkt run exits %d', async (flags, code) => {
    const dir = await tempDir();
    const { run, uuid } = await runSleeper(dir);
    const r = await rktIn(dir, ['stop', ...flags, uuid]);
    expect(r).toMatchObject({ code: 0, stdout: `"${uuid}"\n`, stderr: '' });
    expect((await run.done).code).toBe(code);
    const again = await rktIn(dir, ['stop', uuid]);
    expect(again).toMatchObject({ code: 0, stdout: `pod "${uuid}" is already stopped\n`, stderr: '' });
    const status = await rktIn(dir, ['status', uuid]);
    expect(status.stdout).toMatch(
      new RegExp(`^state=exited\\n(.*\\n){4}exited=true\\napp-busybox=${code}\\n$`),
    );
  });

  it('fails for unknown and prepared pods (254) and reads --uuid-file', async () => {
    const dir = await tempDir();
    const prepared = (
      await rktIn(dir, ['--insecure-options=image', 'prepare', testImages().busybox.path])
    ).stdout.trim();
    const r = await rktIn(dir, ['stop', prepared, 'ffffffff']);
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr:
        `stop: pod "${prepared}" is not running\nstop: cannot get pod: no matches found for "ffffffff"\n` +
        'stop: failed to stop 2 pod(s)\n',
    });
    expect(await rktIn(dir, ['stop', '--uuid-file=/nonexistent'])).toMatchObject({ code: 1 });
    expect(await rktIn(dir, ['stop'])).toMatchObject({ code: 254 });
  });
});

describe('a running fly pod', () => {
  it('is made of the app and a shell supervisor: no Node process, a few MB', async () => {
    const dir = await tempDir();
    const { run, pid } = await runSleeper(dir);
    const tree = processTree(run.child.pid!);
    expect(tree).toContain(pid);
    for (const p of tree) {
      expect(comm(p)).not.toMatch(/node/i);
      expect(exe(p)).not.toMatch(/node/);
    }
    const rssKb = (p: number) =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    const overhead = tree.filter((p) => p !== pid).reduce((sum, p) => sum + rssKb(p), 0);
    console.log(
      `fly pod processes: ${tree.map((p) => `${comm(p)}=${rssKb(p)}kB`).join(' ')}; non-app RSS ${overhead} kB`,
    );
    expect(overhead).toBeLessThan(8 * 1024);
  });
});
