import { join } from 'node:path';
import type { PodManifest } from '@rkt/appc';
import { describe, expect, it } from 'vitest';
import { planPod, type PlanPodInput } from './plan-pod.js';
import type { Stage1Info } from './stage1-info.js';
import { IMAGE_TREE, makeTree, testImageManifest, useTempDirs } from './test-fixtures.js';

const tempDir = useTempDirs();
const UUID = '6f1b2c3d-1111-4222-8333-444455556666';
const stage1: Stage1Info = {
  name: 'coreos.com/rkt/stage1-fly',
  version: '1',
  interfaceVersion: 5,
  entrypoints: { run: '/run' },
  planFormat: 'sh-v1',
  supportsMutable: false,
};

async function input(): Promise<PlanPodInput> {
  const dir = await tempDir();
  const lower = await makeTree(join(dir, 'lower'), { ...IMAGE_TREE, sys: { dir: true } });
  const manifest: PodManifest = {
    acKind: 'PodManifest',
    acVersion: '1.31.0-dev',
    apps: ['a', 'b'].map((name) => ({
      name,
      image: { id: 'sha512-x' },
      mounts: [{ volume: 'shared', path: '/shared' }],
    })),
    volumes: [{ name: 'shared', kind: 'empty', mode: '0770', uid: 0, gid: 100 }],
  };
  const apps = ['b', 'a'].map((name) => ({
    name,
    imageManifest: testImageManifest(),
    rootfs: { kind: 'overlay' as const, lower, treeStoreId: 'deps-1' },
  }));
  return { uuid: UUID, podDir: join(dir, 'pod'), manifest, stage1, apps };
}

describe('planPod', () => {
  it("plans every app in manifest order with the format's binds, sharing empty volumes", async () => {
    const plan = await planPod(await input());
    expect(plan.format).toBe('sh-v1');
    expect(plan.uuid).toBe(UUID);
    expect(plan.apps.map((a) => a.name)).toEqual(['a', 'b']);
    expect(plan.apps[0]?.mounts.map((m) => [m.kind, m.target])).toEqual([
      ['stage1', '/dev'],
      ['stage1', '/proc'],
      ['stage1', '/sys'],
      ['empty', '/shared'],
    ]);
    expect(plan.emptyVolumes).toEqual([
      { name: 'shared', path: 'sharedVolumes/shared', mode: 0o770, uid: 0, gid: 100 },
    ]);
  });

  it.each([
    [
      (i: PlanPodInput) => ({ ...i, stage1: { ...stage1, planFormat: undefined } }),
      'STAGE1_PLAN_FORMAT',
      /declares no plan format/,
    ],
    [
      (i: PlanPodInput) => ({ ...i, stage1: { ...stage1, planFormat: 'json-v9' } }),
      'STAGE1_PLAN_FORMAT',
      /wants plan format "json-v9"/,
    ],
    [(i: PlanPodInput) => ({ ...i, uuid: 'nope' }), 'PLAN_INPUT', /not a pod UUID/],
    [(i: PlanPodInput) => ({ ...i, apps: i.apps.slice(1) }), 'PLAN_INPUT', /app "b"/],
  ])('refuses bad input (%#)', async (change, code, message) => {
    const p = planPod(change(await input()));
    await expect(p).rejects.toMatchObject({ code });
    await expect(p).rejects.toThrow(message);
  });
});
