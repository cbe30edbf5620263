import { afterEach, describe, expect, it } from 'vitest';
import { podTreeStoreIds, referencedTreeStoreIds, runningPodImageKeys } from './references.js';
import { cleanup, holdLock, IMAGE_ID, makePod, podManifestJson, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);

const trees = (stage1: string, ...apps: [string, string][]) => ({
  stage1TreeStoreID: stage1,
  ...Object.fromEntries(apps.map(([app, id]) => [`appsinfo/${app}/treeStoreID`, id])),
});

describe('podTreeStoreIds', () => {
  it('reads the stage1 tree id and one per app; missing files are skipped', () => {
    const data = tempDataDir();
    const path = makePod(data, {
      dir: 'run',
      uuid: UUIDS.a,
      files: trees('deps-s1\n', ['a', 'deps-a'], ['b', 'deps-b']),
    });
    expect(podTreeStoreIds(path).sort()).toEqual(['deps-a', 'deps-b', 'deps-s1']);
    expect(podTreeStoreIds(makePod(data, { dir: 'prepare', uuid: UUIDS.b }))).toEqual([]);
  });
});

describe('referencedTreeStoreIds', () => {
  it('covers prepare, prepared, run and exited-garbage, not garbage', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepare', uuid: UUIDS.a, files: trees('s1', ['a', 'prep']) });
    makePod(data, { dir: 'prepared', uuid: UUIDS.b, files: trees('s1', ['a', 'prepared']) });
    makePod(data, { dir: 'run', uuid: UUIDS.c, files: trees('s1', ['a', 'run']) });
    makePod(data, { dir: 'exited-garbage', uuid: UUIDS.d, files: trees('s1', ['a', 'eg']) });
    makePod(data, { dir: 'garbage', uuid: UUIDS.e, files: trees('s2', ['a', 'garbage']) });
    expect([...referencedTreeStoreIds(data)].sort()).toEqual(['eg', 'prep', 'prepared', 'run', 's1']);
  });
});

describe('runningPodImageKeys', () => {
  it('lists the image keys of running pods only, cut to the store key', () => {
    const data = tempDataDir();
    const long = `${IMAGE_ID.replace('af24', 'ffff')}0123`;
    const manifest = podManifestJson(['a']) as { apps: { image: { id: string } }[] };
    manifest.apps[0]!.image.id = long;
    holdLock(makePod(data, { dir: 'run', uuid: UUIDS.a, files: { pod: manifest } }));
    makePod(data, { dir: 'run', uuid: UUIDS.b, apps: ['a'] }); // exited
    expect([...runningPodImageKeys(data)]).toEqual([long.slice(0, 71)]);
  });
});
