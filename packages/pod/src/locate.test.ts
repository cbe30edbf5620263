import { once } from 'node:events';
import { renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { podPath } from './layout.js';
import { locatePod, podState } from './locate.js';
import type { PodDir, PodState } from './states.js';
import { cleanup, holdLock, makePod, osWith, spawnLockHolder, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);
const U = UUIDS.a;

describe('podState: directory x lock -> state (one case per state)', () => {
  it.each<[PodDir, boolean, PodState]>([
    ['embryo', false, 'embryo'],
    ['prepare', true, 'preparing'],
    ['prepare', false, 'aborted prepare'],
    ['prepared', false, 'prepared'],
    ['run', true, 'running'],
    ['run', false, 'exited'],
    ['exited-garbage', true, 'exited deleting'],
    ['exited-garbage', false, 'exited garbage'],
    ['garbage', true, 'deleting'],
    ['garbage', false, 'garbage'],
  ])('%s/ with lock held=%s is %s', (dir, locked, state) => {
    const data = tempDataDir();
    const path = makePod(data, { dir, uuid: U });
    if (locked) holdLock(path);
    expect(podState(data, U)).toBe(state);
    expect(locatePod(data, U)).toEqual({ uuid: U, dir, path, state });
  });

  it('does not probe embryo/ and prepared/: a lock there changes nothing', () => {
    const data = tempDataDir();
    holdLock(makePod(data, { dir: 'prepared', uuid: U }));
    expect(podState(data, U)).toBe('prepared');
  });

  it('a probe leaves no lock behind', () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: U });
    expect(podState(data, U)).toBe('exited');
    expect(() => holdLock(path)).not.toThrow();
  });

  it('is undefined for a pod that is nowhere', () => {
    expect(podState(tempDataDir(), U)).toBeUndefined();
  });
});

describe('lookup order', () => {
  it('the first directory in transition order wins', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'run', uuid: U });
    makePod(data, { dir: 'prepared', uuid: U });
    expect(podState(data, U)).toBe('prepared');
  });

  it('finds a pod renamed forward while the lookup runs', () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    let moved = false;
    // the rename lands right before the lookup reaches prepared/
    const racing = osWith({
      stat(path) {
        if (!moved && path === podPath(data, 'prepared', U)) {
          renameSync(path, podPath(data, 'run', U));
          moved = true;
        }
        return osWith({}).stat(path);
      },
    });
    makePod(data, { dir: 'run', uuid: UUIDS.b }); // run/ exists
    expect(locatePod(data, U, racing)?.state).toBe('exited');
    expect(moved).toBe(true);
  });
});

describe('a live pod in another process', () => {
  it('is running while its lock holder lives and exited once it is SIGKILLed', async () => {
    const data = tempDataDir();
    const path = makePod(data, { dir: 'run', uuid: U });
    const stage1 = await spawnLockHolder(path);
    expect(podState(data, U)).toBe('running');
    stage1.kill('SIGKILL');
    await once(stage1, 'exit');
    expect(podState(data, U)).toBe('exited');
  });
});
