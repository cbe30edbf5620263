// `rkt image gc` beside pods, as root: trees that pods reference stay, images of running pods stay,
// and once the pods are collected both go.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rktIn, runSleeper, testImages, usePodDirs } from './pod-support.js';

const tempDir = usePodDirs('rkt-e2e-pod-imggc-');
const images = testImages();

const trees = (dir: string) => readdirSync(join(dir, 'cas/tree')).sort();
const imageIds = async (dir: string) =>
  (
    (JSON.parse((await rktIn(dir, ['image', 'list', '--format=json'])).stdout) as { id: string }[] | null) ??
    []
  ).map((i) => i.id);

describe('rkt image gc and pods', () => {
  it("keeps the trees of prepared and running pods, and a running pod's image", async () => {
    const dir = await tempDir();
    const prepared = await rktIn(dir, ['--insecure-options=image', 'prepare', images.worker.path]);
    const preparedPod = join(dir, 'pods/prepared', prepared.stdout.trim());
    const { uuid } = await runSleeper(dir);
    const runningPod = join(dir, 'pods/run', uuid);
    const used = [preparedPod, runningPod].flatMap((pod) => [
      readFileSync(join(pod, 'stage1TreeStoreID'), 'utf8'),
      ...readdirSync(join(pod, 'appsinfo')).map((app) =>
        readFileSync(join(pod, 'appsinfo', app, 'treeStoreID'), 'utf8'),
      ),
    ]);
    const before = await imageIds(dir);

    const gc = await rktIn(dir, ['image', 'gc', '--grace-period=0s']);
    expect(gc.code, gc.stderr).toBe(0);
    expect(gc.stderr).not.toMatch(/removed treestore/);
    expect(trees(dir)).toEqual([...new Set(used)].sort());
    const after = await imageIds(dir);
    const busybox = images.busybox.id.slice(0, 'sha512-'.length + 64);
    expect(after).toContain(busybox);
    expect(before.length).toBe(3);

    const stop = await rktIn(dir, ['stop', uuid]);
    expect(stop.code).toBe(0);
    await rktIn(dir, ['status', '--wait=10s', uuid]);
    await rktIn(dir, ['gc', '--grace-period=0s', '--expire-prepared=0s']);
    const last = await rktIn(dir, ['image', 'gc', '--grace-period=0s']);
    expect(last.code, last.stderr).toBe(0);
    expect(trees(dir)).toEqual([]);
    expect(await imageIds(dir)).toEqual([]);
  });
});
