import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { podPath } from './layout.js';
import { markExitedGarbage } from './mark.js';
import { readPodInfo } from './read-info.js';
import { cleanup, holdLock, IMAGE_ID, makePod, podManifestJson, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);
const U = UUIDS.a;
const CREATED = new Date('2026-11-28T18:31:18.000Z');
const STARTED = new Date('2026-11-28T18:31:19.000Z');
const ns = (d: Date) => BigInt(d.getTime()) * 1_000_000n;

describe('readPodInfo', () => {
  it('reads an exited pod: times, pid, exit codes, apps', () => {
    const data = tempDataDir();
    makePod(data, {
      dir: 'run',
      uuid: U,
      apps: ['busybox'],
      created: CREATED,
      files: { ppid: { content: '4242\n', mtime: STARTED }, 'stage1/rootfs/rkt/status/busybox': '7' },
    });
    const info = readPodInfo(data, U);
    expect(info).toMatchObject({
      uuid: U,
      state: 'exited',
      dir: 'run',
      createdAt: ns(CREATED),
      startedAt: ns(STARTED),
      gcMarkedAt: undefined,
      pid: 4242,
      networks: [],
      mutable: false,
      manifestError: undefined,
      errors: [],
    });
    expect(info.apps).toEqual([
      {
        name: 'busybox',
        imageId: IMAGE_ID,
        imageName: 'example.com/busybox:1.35.0',
        state: 'exited',
        createdAt: ns(CREATED),
        startedAt: ns(STARTED),
        finishedAt: undefined,
        exitCode: 7,
        mounts: [],
        userAnnotations: {},
        userLabels: {},
      },
    ]);
  });

  it('takes the start time from pid before ppid, and creation from pod without pod-created', () => {
    const data = tempDataDir();
    const path = makePod(data, {
      dir: 'run',
      uuid: U,
      apps: ['a'],
      files: { pid: { content: '10', mtime: STARTED }, ppid: { content: '9', mtime: CREATED } },
    });
    utimesSync(join(path, 'pod'), CREATED, CREATED);
    const info = readPodInfo(data, U);
    expect(info.createdAt).toBe(ns(CREATED));
    expect(info.startedAt).toBe(ns(STARTED));
    expect(info.pid).toBe(10);
  });

  it('a prepared pod has a creation time but no start, pid or exit codes', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U, apps: ['a'], created: CREATED, files: { pid: '3' } });
    const info = readPodInfo(data, U);
    expect(info).toMatchObject({
      state: 'prepared',
      createdAt: ns(CREATED),
      startedAt: undefined,
      pid: undefined,
    });
    expect(info.apps[0]?.state).toBe('created');
  });

  it('a preparing pod has neither manifest nor creation time (rkt shows - and the zero time)', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'prepare', uuid: U, created: CREATED }));
    const info = readPodInfo(data, U);
    expect(info).toMatchObject({
      state: 'preparing',
      manifest: undefined,
      manifestError: undefined,
      apps: [],
    });
    expect(info.createdAt).toBeUndefined();
  });

  it('exited garbage: gc-marked time is the directory ctime, apps finished then', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U, apps: ['a'], created: CREATED });
    expect(markExitedGarbage(data, U)).toBe('moved');
    const ctime = statSync(podPath(data, 'exited-garbage', U), { bigint: true }).ctimeNs;
    const info = readPodInfo(data, U);
    expect(info.state).toBe('exited garbage');
    expect(info.gcMarkedAt).toBe(ctime);
    expect(info.apps[0]).toMatchObject({ state: 'exited', finishedAt: ctime, exitCode: undefined });
  });

  it('a running pod: networks from net-info.json, app exit codes make that app exited', () => {
    const data = tempDataDir();
    const net = {
      netName: 'default',
      netConf: 'net/99-default.conf',
      pluginPath: 'ptp',
      ifName: 'eth0',
      ip: '172.16.28.2',
      args: '',
      mask: '255.255.255.0',
    };
    const path = makePod(data, {
      dir: 'run',
      uuid: U,
      apps: ['a', 'b'],
      files: { 'net-info.json': [{ ...net, extra: 1 }], 'stage1/rootfs/rkt/status/b': '2' },
    });
    holdLock(path);
    const info = readPodInfo(data, U);
    expect(info.networks).toEqual([net]);
    expect(info.apps.map((a) => [a.name, a.state, a.exitCode])).toEqual([
      ['a', 'running', undefined],
      ['b', 'exited', 2],
    ]);
  });

  it('reports an invalid net-info.json and keeps going', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'run', uuid: U, apps: ['a'], files: { 'net-info.json': '{' } }));
    const info = readPodInfo(data, U);
    expect(info.networks).toEqual([]);
    expect(info.errors.map((e) => e.code)).toEqual(['POD_NETINFO_INVALID']);
  });

  it('reads exit codes from stage1/rootfs even when the apps use overlays', () => {
    const data = tempDataDir();
    makePod(data, {
      dir: 'run',
      uuid: U,
      apps: ['a'],
      files: {
        'overlay-prepared': '',
        stage1TreeStoreID: 'deps-sha512-11',
        'stage1/rootfs/rkt/status/a': '3',
      },
    });
    expect(readPodInfo(data, U).apps[0]?.exitCode).toBe(3);
  });

  it('reports a missing or invalid manifest where one is expected', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U });
    makePod(data, { dir: 'run', uuid: UUIDS.b, files: { pod: '{"acKind":"ImageManifest"}' } });
    const missing = readPodInfo(data, U);
    expect(missing.manifest).toBeUndefined();
    expect(missing.manifestError).toMatchObject({ code: 'POD_MANIFEST_INVALID' });
    expect(missing.manifestError?.message).toBe(
      `Unable to read pod ${U} manifest:\n  error reading pod manifest: open ${podPath(data, 'run', U)}/pod: no such file or directory`,
    );
    expect(readPodInfo(data, UUIDS.b).manifestError?.message).toMatch(
      /^Unable to read pod .* manifest:\n {2}invalid pod manifest: /,
    );
  });

  it('an unreadable image manifest leaves the image name unknown and reports it', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U, files: { pod: podManifestJson(['a']) } });
    const info = readPodInfo(data, U);
    expect(info.apps[0]?.imageName).toBeUndefined();
    expect(info.errors[0]?.message).toMatch(new RegExp(`^pod ${U} ImageManifest could not be loaded: `));
  });

  it('mutable pods: app states from the created/started/exit markers', () => {
    const data = tempDataDir();
    const t = (s: number) => new Date(CREATED.getTime() + s * 1000);
    const manifest = podManifestJson(['a', 'b', 'c'], {
      annotations: [{ name: 'coreos.com/rkt/stage1/mutable', value: 'true' }],
    });
    const status = 'stage1/rootfs/rkt/status/';
    holdLock(
      makePod(data, {
        dir: 'run',
        uuid: U,
        files: {
          pod: manifest,
          [`${status}a-created`]: { content: '', mtime: t(1) },
          [`${status}a-started`]: { content: '', mtime: t(2) },
          [`${status}a`]: { content: '0', mtime: t(3) },
          [`${status}b-created`]: { content: '', mtime: t(1) },
          [`${status}b-started`]: { content: '', mtime: t(2) },
          [`${status}c-created`]: { content: '', mtime: t(1) },
        },
      }),
    );
    const info = readPodInfo(data, U);
    expect(info.mutable).toBe(true);
    expect(
      info.apps.map((a) => [a.name, a.state, a.createdAt, a.startedAt, a.finishedAt, a.exitCode]),
    ).toEqual([
      ['a', 'exited', ns(t(1)), ns(t(2)), ns(t(3)), 0],
      ['b', 'running', ns(t(1)), ns(t(2)), undefined, undefined],
      ['c', 'created', ns(t(1)), undefined, undefined, undefined],
    ]);
  });

  it('app mounts name the host path of their volume', () => {
    const data = tempDataDir();
    const manifest = podManifestJson(['a'], {
      volumes: [{ name: 'data', kind: 'host', source: '/srv/data', readOnly: true }],
    }) as { apps: Record<string, unknown>[] };
    (manifest.apps[0] as Record<string, unknown>).mounts = [{ volume: 'data', path: '/data' }];
    makePod(data, { dir: 'prepared', uuid: U, files: { pod: manifest } });
    expect(readPodInfo(data, U).apps[0]?.mounts).toEqual([
      { name: 'data', containerPath: '/data', hostPath: '/srv/data', readOnly: true },
    ]);
  });

  it('throws POD_NOT_FOUND for a pod that is nowhere', () => {
    expect(() => readPodInfo(tempDataDir(), U)).toThrow(`pod "${U}" was not present`);
  });
});
