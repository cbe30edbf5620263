import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockForDeletion } from './delete.js';
import { podState } from './locate.js';
import { mountsBelow } from './mountinfo.js';
import { nodeOs } from './os.js';
import { removePodDir } from './remove.js';
import { lockPrepared } from './run-prepared.js';
import { cleanup, holdLock, makePod, osWith, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);
const U = UUIDS.a;

describe('lockForDeletion', () => {
  it.each([
    ['exited-garbage', 'exited deleting'],
    ['garbage', 'deleting'],
  ] as const)('holds a pod in %s/, which others then see as %s', async (dir, state) => {
    const data = tempDataDir();
    makePod(data, { dir, uuid: U });
    const pod = await lockForDeletion(data, U);
    expect(pod?.dir).toBe(dir);
    expect(podState(data, U)).toBe(state);
    pod?.release();
  });

  it('is undefined for pods outside the garbage directories', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U });
    expect(await lockForDeletion(data, U)).toBeUndefined();
    expect(await lockForDeletion(data, UUIDS.b)).toBeUndefined();
  });

  it('non-blocking: undefined while another deleter holds it', async () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'garbage', uuid: U }));
    expect(await lockForDeletion(data, U, { wait: false })).toBeUndefined();
  });

  it('blocking: waits for the other deleter, and is undefined if it deleted the pod', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'garbage', uuid: U });
    const other = holdLock(path);
    const waiting = lockForDeletion(data, U);
    setTimeout(() => {
      nodeOs.removeTree(path);
      other.release();
    }, 20);
    expect(await waiting).toBeUndefined();
  });

  it('blocking: gets the pod when the other holder lets go', async () => {
    const data = tempDataDir();
    const other = holdLock(makePod(data, { dir: 'exited-garbage', uuid: U }));
    setTimeout(() => other.release(), 20);
    const pod = await lockForDeletion(data, U);
    expect(pod?.dir).toBe('exited-garbage');
    pod?.release();
  });
});

describe('removing a pod', () => {
  it('unmounts through the hook first, then deletes the directory and releases the lock', async () => {
    const data = tempDataDir();
    const path = makePod(data, {
      dir: 'exited-garbage',
      uuid: U,
      apps: ['a'],
      files: { 'stage1/rootfs/x': 'x' },
    });
    const pod = await lockForDeletion(data, U);
    const seen: string[] = [];
    await pod?.remove({ unmountBelow: (p) => void seen.push(p) });
    expect(seen).toEqual([path]);
    expect(existsSync(path)).toBe(false);
    expect(() => pod?.fd).toThrow('released');
  });

  it('refuses while something is still mounted below the pod', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'garbage', uuid: U, apps: ['a'] });
    const mountinfoPath = join(data, 'mountinfo');
    const volume = join(realpathSync(path), 'stage1/rootfs/opt/stage2/a/rootfs/my vol');
    writeFileSync(
      mountinfoPath,
      `22 1 8:1 / / rw - ext4 /dev/sda1 rw\n90 22 8:1 /srv ${volume.replace(/ /g, '\\040')} rw - ext4 /dev/sda1 rw\n`,
    );
    const pod = await lockForDeletion(data, U);
    await expect(pod?.remove({ mountinfoPath })).rejects.toMatchObject({
      code: 'POD_MOUNTS_LEFT',
      message: `pod directory "${path}" still has 1 mount(s) below it, e.g. "${volume}"`,
    });
    expect(existsSync(join(path, 'pod'))).toBe(true);
    expect(podState(data, U)).toBe('garbage');
  });

  it('only garbage pods can be removed through a handle', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    const running = await lockPrepared(data, U);
    await expect(running.remove()).rejects.toThrow('only garbage pods can be removed');
    expect(podState(data, U)).toBe('running');
    running.release();
  });

  it('removePodDir deletes the stage1 rootfs before the rest', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'garbage', uuid: U, files: { 'stage1/rootfs/f': '' } });
    const removed: string[] = [];
    await removePodDir(path, { os: osWith({ removeTree: (p) => (removed.push(p), nodeOs.removeTree(p)) }) });
    expect(removed).toEqual([join(path, 'stage1/rootfs'), path]);
  });
});

describe('mountsBelow', () => {
  const table = [
    '22 1 8:1 / / rw - ext4 /dev/sda1 rw',
    '30 22 0:5 / /var/lib/rkt/pods/run/u/stage1/rootfs rw - overlay overlay rw',
    '31 30 0:5 / /var/lib/rkt/pods/run/u/stage1/rootfs/proc rw - proc proc rw',
    '32 22 0:5 / /var/lib/rkt/pods/run/uu rw - tmpfs tmpfs rw',
  ].join('\n');

  it('lists mounts at or below a directory, deepest first', () => {
    expect(mountsBelow(table, '/var/lib/rkt/pods/run/u/')).toEqual([
      '/var/lib/rkt/pods/run/u/stage1/rootfs/proc',
      '/var/lib/rkt/pods/run/u/stage1/rootfs',
    ]);
    expect(mountsBelow(table, '/var/lib/rkt/pods/run/uu')).toEqual(['/var/lib/rkt/pods/run/uu']);
    expect(mountsBelow(table, '/srv')).toEqual([]);
  });
});
