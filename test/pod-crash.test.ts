// Crashes and races through bin/rkt, as root: `rkt run` killed with SIGKILL at several moments, and
// twenty runs in parallel with a gc loop. Afterwards gc must leave nothing: no pod directory, no
// mount under the data dir, no process of a pod.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FLY_STAGE1,
  listJson,
  mountsUnder,
  podDirsLeft,
  processesRootedIn,
  rktIn,
  runSleeper,
  sleep,
  startRkt,
  testImages,
  usePodDirs,
} from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-crash-');
const images = testImages();

/** Live processes in any cgroup of the pod (crun puts stage1-default's under /rkt/<uuid>). */
function inPodCgroups(uuid: string): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cgroup`, 'utf8').includes(`/rkt/${uuid}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function expectAllCollected(dir: string): Promise<void> {
  for (let i = 0; i < 50 && processesRootedIn(dir).length > 0; i++) await sleep(20);
  expect(processesRootedIn(dir), 'processes of pods still alive').toEqual([]);
  const gc = await rktIn(dir, ['gc', '--grace-period=0s', '--expire-prepared=0s']);
  expect(gc.code, gc.stderr).toBe(0);
  expect(gc.stderr).not.toMatch(/unable to remove|error/);
  expect(podDirsLeft(dir)).toEqual([]);
  expect(mountsUnder(dir)).toEqual([]);
}

describe('rkt run killed with SIGKILL', () => {
  it.each([0, 20, 100, 300])('after %d ms leaves only what gc removes', async (ms) => {
    const dir = await tempDir();
    await rktIn(dir, ['--insecure-options=image', 'fetch', images.busybox.path]);
    const run = startRkt(dir, [
      '--insecure-options=image',
      'run',
      images.busybox.path,
      '--exec=/bin/sleep',
      '--',
      '600',
    ]);
    await sleep(ms);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    await expectAllCollected(dir);
  });

  it('while the app runs: the app goes with it', async () => {
    const dir = await tempDir();
    const { run, pid } = await runSleeper(dir);
    run.child.kill('SIGKILL');
    await run.done;
    for (let i = 0; i < 50 && processesRootedIn(dir).includes(pid); i++) await sleep(20);
    expect(processesRootedIn(dir)).toEqual([]);
    expect((await listJson(dir)).map((p) => p.state)).toEqual(['exited']);
    await expectAllCollected(dir);
  });

  it('while the app runs on stage1-default: the sandbox, and with it the app, goes too', async () => {
    const dir = await tempDir();
    const stage1 = join(dirname(FLY_STAGE1), 'stage1-default.aci');
    const { run, uuid } = await runSleeper(dir, [`--stage1-path=${stage1}`, '--net=none']);
    // crun pivots each app into its root, so the apps are found by their cgroup, not their root
    expect(inPodCgroups(uuid).length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    await run.done;
    for (let i = 0; i < 100 && inPodCgroups(uuid).length > 0; i++) await sleep(20);
    expect(inPodCgroups(uuid)).toEqual([]);
    expect((await listJson(dir)).map((p) => p.state)).toEqual(['exited']);
    await expectAllCollected(dir);
  });
});

describe('concurrency', () => {
  it('twenty runs beside a gc loop: each run returns its own status, no pod is corrupted', async () => {
    const dir = await tempDir();
    await rktIn(dir, ['--insecure-options=image', 'fetch', images.busybox.path]);
    let stop = false;
    const gcLoop = (async () => {
      const problems: string[] = [];
      while (!stop) {
        const r = await rktIn(dir, ['gc', '--grace-period=0s']);
        if (r.code !== 0 || /unable|error/.test(r.stderr)) problems.push(r.stderr);
      }
      return problems;
    })();
    const codes = Array.from({ length: 20 }, (_, i) => i + 1);
    const results = await Promise.all(
      codes.map((n) =>
        rktIn(dir, [
          '--insecure-options=image',
          'run',
          images.busybox.path,
          '--exec=/bin/sh',
          '--',
          '-c',
          `exit ${n}`,
        ]),
      ),
    );
    stop = true;
    expect(await gcLoop).toEqual([]);
    expect(results.map((r) => r.code)).toEqual(codes);
    const listed = await rktIn(dir, ['list', '--format=json']);
    expect(listed.stderr).toBe('');
    for (const pod of (JSON.parse(listed.stdout) as { state: string }[] | null) ?? [])
      expect(['exited', 'exited garbage']).toContain(pod.state);
    await expectAllCollected(dir);
  });
});
