import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPod } from './create.js';
import { podPath, stateDirPath } from './layout.js';
import { podState } from './locate.js';
import { cleanup, holdLock, osWith, tempDataDir, UUIDS } from './testing.js';
import { nodeOs } from './os.js';

afterEach(cleanup);

describe('createPod', () => {
  it('leaves a locked pod in prepare/ (preparing) with an empty pod-created', () => {
    const data = tempDataDir();
    const before = Date.now();
    const pod = createPod(data);
    expect(pod.dir).toBe('prepare');
    expect(pod.path).toBe(podPath(data, 'prepare', pod.uuid));
    expect(podState(data, pod.uuid)).toBe('preparing');
    expect(() => holdLock(pod.path)).toThrow('already locked');
    expect(readFileSync(join(pod.path, 'pod-created'), 'utf8')).toBe('');
    expect(statSync(join(pod.path, 'pod-created')).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
    expect(statSync(pod.path).mode & 0o7777).toBe(0o2750);
    expect(statSync(stateDirPath(data, 'prepare')).mode & 0o7777).toBe(0o2750);
    expect(readdirSync(stateDirPath(data, 'embryo'))).toEqual([]);
    expect(statSync(`/proc/self/fd/${pod.fd}`).ino).toBe(statSync(pod.path).ino);
    pod.release();
    expect(podState(data, pod.uuid)).toBe('aborted prepare');
  });

  it('fsyncs prepare/ after the rename', () => {
    const data = tempDataDir();
    const calls: string[] = [];
    const os = osWith({
      rename: (a, b) => (calls.push(`rename ${b}`), nodeOs.rename(a, b)),
      fsyncDir: (p) => (calls.push(`fsync ${p}`), nodeOs.fsyncDir(p)),
    });
    const pod = createPod(data, { os });
    expect(calls).toEqual([`rename ${pod.path}`, `fsync ${stateDirPath(data, 'prepare')}`]);
    pod.release();
  });

  it('cleans up the embryo when a step fails', () => {
    const data = tempDataDir();
    let closed = 0;
    const os = osWith({
      rename: () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      },
      close: (fd) => (closed++, nodeOs.close(fd)),
    });
    expect(() => createPod(data, { os })).toThrow('EIO');
    expect(readdirSync(stateDirPath(data, 'embryo'))).toEqual([]);
    expect(closed).toBe(1);
    expect(readdirSync(stateDirPath(data, 'prepare'))).toEqual([]);
  });

  it('refuses a UUID whose embryo already exists', () => {
    const data = tempDataDir();
    expect(() => createPod(data, { uuid: UUIDS.a, os: osWith({ mkdir: () => false }) })).toThrow(
      'already exists',
    );
    expect(existsSync(podPath(data, 'prepare', UUIDS.a))).toBe(false);
  });
});

describe('LockedPod transitions', () => {
  it('toPrepared: prepare/ -> prepared/, synced, unlocked and closed', () => {
    const data = tempDataDir();
    const synced: number[] = [];
    const pod = createPod(data, { os: osWith({ syncfs: (fd) => void synced.push(fd) }) });
    const fd = pod.fd;
    pod.toPrepared();
    expect(synced).toEqual([fd]);
    expect(pod.dir).toBe('prepared');
    expect(podState(data, pod.uuid)).toBe('prepared');
    expect(() => holdLock(pod.path)).not.toThrow();
    expect(() => pod.fd).toThrow('lock already released');
    expect(() => pod.toRun()).toThrow('needs the pod in prepare/');
  });

  it('toRun: prepare/ -> run/ keeping the lock (running)', () => {
    const data = tempDataDir();
    const pod = createPod(data);
    pod.toRun();
    expect(pod.path).toBe(podPath(data, 'run', pod.uuid));
    expect(podState(data, pod.uuid)).toBe('running');
    expect(() => pod.toPrepared()).toThrow('needs the pod in prepare/');
    pod.release();
    pod.release();
    expect(podState(data, pod.uuid)).toBe('exited');
  });

  it('a failed toPrepared keeps the lock', () => {
    const data = tempDataDir();
    let failRename = false;
    const pod = createPod(data, {
      os: osWith({
        syncfs: () => undefined,
        rename: (a, b) => {
          if (failRename) throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
          nodeOs.rename(a, b);
        },
      }),
    });
    failRename = true;
    expect(() => pod.toPrepared()).toThrow('EXDEV');
    expect(pod.dir).toBe('prepare');
    expect(podState(data, pod.uuid)).toBe('preparing');
    pod.release();
  });
});
