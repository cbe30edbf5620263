import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { podPath } from './layout.js';
import { podState } from './locate.js';
import { markExitedGarbage, markGarbage } from './mark.js';
import { cleanup, holdLock, makePod, spawnLockHolder, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);
const U = UUIDS.a;
const HOUR = 3600_000;

describe('markExitedGarbage', () => {
  it('moves an exited pod to exited-garbage/, starting its grace period', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U });
    expect(markExitedGarbage(data, U)).toBe('moved');
    expect(podState(data, U)).toBe('exited garbage');
    expect(existsSync(podPath(data, 'run', U))).toBe(false);
    expect(statSync(podPath(data, 'exited-garbage', U)).ctimeMs).toBeGreaterThan(Date.now() - 5000);
  });

  it('never touches a running pod', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: U });
    await spawnLockHolder(path);
    expect(markExitedGarbage(data, U)).toBe('locked');
    expect(podState(data, U)).toBe('running');
  });

  it('is gone for a pod not in run/', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    expect(markExitedGarbage(data, U)).toBe('gone');
    expect(podState(data, U)).toBe('prepared');
  });
});

describe('markGarbage', () => {
  it('moves an aborted prepare to garbage/', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepare', uuid: U });
    expect(markGarbage(data, U)).toBe('moved');
    expect(podState(data, U)).toBe('garbage');
  });

  it('leaves a pod being prepared alone', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'prepare', uuid: U }));
    expect(markGarbage(data, U)).toBe('locked');
    expect(podState(data, U)).toBe('preparing');
  });

  it('keeps a prepared pod within its expiry and moves it after', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    expect(markGarbage(data, U)).toBe('young');
    expect(markGarbage(data, U, { now: Date.now() + 23 * HOUR })).toBe('young');
    expect(markGarbage(data, U, { now: Date.now() + 25 * HOUR })).toBe('moved');
    expect(podState(data, U)).toBe('garbage');
  });

  it('honours --expire-prepared', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    expect(markGarbage(data, U, { expirePreparedMs: HOUR, now: Date.now() + 2 * HOUR })).toBe('moved');
  });

  it('does not expire a prepared pod that run-prepared is taking', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'prepared', uuid: U }));
    expect(markGarbage(data, U, { expirePreparedMs: 0, now: Date.now() + HOUR })).toBe('locked');
    expect(podState(data, U)).toBe('prepared');
  });

  it('is gone for pods that ran', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U });
    expect(markGarbage(data, U, { expirePreparedMs: 0, now: Date.now() + HOUR })).toBe('gone');
    expect(podState(data, U)).toBe('exited');
  });
});
