import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { podPath, stateDirPath } from './layout.js';
import { listPods, walkPods } from './list.js';
import { nodeOs } from './os.js';
import {
  cleanup,
  countingOs,
  holdLock,
  makePod,
  osWith,
  podManifestJson,
  tempDataDir,
  UUIDS,
} from './testing.js';

afterEach(cleanup);

describe('listPods', () => {
  it('lists prepare, prepared, run and exited-garbage pods sorted by UUID', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'exited-garbage', uuid: UUIDS.b, apps: ['a'] });
    makePod(data, { dir: 'prepared', uuid: UUIDS.d, apps: ['a'] });
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'] }));
    makePod(data, { dir: 'prepare', uuid: UUIDS.c });
    makePod(data, { dir: 'embryo', uuid: UUIDS.e });
    makePod(data, { dir: 'garbage', uuid: '00000000-0000-4000-8000-000000000000' });
    const { pods, errors } = listPods(data);
    expect(pods.map((p) => [p.uuid, p.state])).toEqual([
      [UUIDS.c, 'aborted prepare'],
      [UUIDS.a, 'running'],
      [UUIDS.d, 'prepared'],
      [UUIDS.b, 'exited garbage'],
    ]);
    expect(errors).toEqual([]);
  });

  it('is empty for a data dir without pods', () => {
    expect(listPods(tempDataDir())).toEqual({ pods: [], errors: [] });
  });

  it('leaves out pods with a broken manifest and reports them, keeps pods with a broken image manifest', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, files: { pod: 'not json' } });
    makePod(data, { dir: 'run', uuid: UUIDS.b, files: { pod: podManifestJson(['x']) } });
    makePod(data, { dir: 'run', uuid: UUIDS.c, apps: ['ok'] });
    const { pods, errors } = listPods(data);
    expect(pods.map((p) => p.uuid)).toEqual([UUIDS.c, UUIDS.b]);
    expect(pods[1]?.apps[0]?.imageName).toBeUndefined();
    expect(errors.map((e) => e.code)).toEqual(['POD_MANIFEST_INVALID', 'POD_IMAGE_MANIFEST_INVALID']);
    expect(errors[0]?.message).toMatch(
      new RegExp(`^Unable to read pod ${UUIDS.a} manifest:\n  invalid pod manifest: `),
    );
    expect(errors[1]?.message).toMatch(new RegExp(`^pod ${UUIDS.b} ImageManifest could not be loaded: `));
  });

  it('reports entries that are not pods', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a, apps: ['a'] });
    mkdirSync(join(stateDirPath(data, 'run'), 'lost+found'));
    mkdirSync(stateDirPath(data, 'prepared'));
    writeFileSync(join(stateDirPath(data, 'prepared'), 'stray'), '');
    const { pods, errors } = listPods(data);
    expect(pods).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual([
      'unrecognized entry: "stray", ignoring',
      'skipping "lost+found": not a pod UUID',
    ]);
  });
});

describe('walkPods', () => {
  it('leaves out a pod that moved out of the listed directories meanwhile', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: UUIDS.a });
    makePod(data, { dir: 'run', uuid: UUIDS.b });
    mkdirSync(stateDirPath(data, 'garbage'));
    const racing = osWith({
      readDir(path) {
        const r = nodeOs.readDir(path);
        if (path === stateDirPath(data, 'exited-garbage')) {
          renameSync(podPath(data, 'run', UUIDS.a), podPath(data, 'garbage', UUIDS.a));
        }
        return r;
      },
    });
    expect(walkPods(data, undefined, racing).pods.map((p) => p.uuid)).toEqual([UUIDS.b]);
    expect(walkPods(data, ['garbage']).pods.map((p) => [p.uuid, p.state])).toEqual([[UUIDS.a, 'garbage']]);
  });

  it('starts each lookup where the pod was seen: a pod in prepare/ and run/ is the preparing one', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'prepare', uuid: UUIDS.a }));
    makePod(data, { dir: 'run', uuid: UUIDS.a });
    expect(walkPods(data).pods.map((p) => p.state)).toEqual(['preparing']);
  });
});

describe('cost of rkt list', () => {
  it('a bounded number of OS calls per pod', () => {
    const data = tempDataDir();
    const n = 100;
    for (let i = 0; i < n; i++) {
      const uuid = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
      const files = { ppid: '1', 'stage1/rootfs/rkt/status/a': '0' };
      makePod(data, { dir: 'run', uuid, apps: ['a'], created: new Date(), files });
    }
    const { os, total } = countingOs();
    const { pods } = listPods(data, os);
    expect(pods).toHaveLength(n);
    // probe 4, pod-created 1, pid+ppid 2, manifest 1, overlay marker 1, image manifest 1, exit code 1
    expect(total() / n).toBeLessThanOrEqual(11.1);
  });
});
