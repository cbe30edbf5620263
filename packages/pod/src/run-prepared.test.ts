import { mkdirSync, renameSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPod } from './create.js';
import { podPath, stateDirPath } from './layout.js';
import { podState } from './locate.js';
import { lockPrepared } from './run-prepared.js';
import { cleanup, holdLock, makePod, tempDataDir, UUIDS } from './testing.js';

afterEach(cleanup);
const U = UUIDS.c;
const notPrepared = { code: 'POD_NOT_PREPARED', exitCode: 254, message: `pod "${U}" is not prepared` };

describe('lockPrepared (run-prepared)', () => {
  it('moves prepared/ to run/ under the lock: running', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    const pod = await lockPrepared(data, U);
    expect(pod.dir).toBe('run');
    expect(pod.path).toBe(podPath(data, 'run', U));
    expect(podState(data, U)).toBe('running');
    pod.release();
    expect(podState(data, U)).toBe('exited');
  });

  it('works on what createPod + toPrepared left', async () => {
    const data = tempDataDir();
    const created = createPod(data);
    created.toPrepared({ sync: false });
    const pod = await lockPrepared(data, created.uuid);
    expect(podState(data, created.uuid)).toBe('running');
    pod.release();
  });

  it.each(['run', 'prepare', 'exited-garbage'] as const)('refuses a pod in %s/', async (dir) => {
    const data = tempDataDir();
    makePod(data, { dir, uuid: U });
    await expect(lockPrepared(data, U)).rejects.toMatchObject(notPrepared);
  });

  it('of two concurrent callers exactly one wins', async () => {
    const data = tempDataDir();
    makePod(data, { dir: 'prepared', uuid: U });
    const results = await Promise.allSettled([lockPrepared(data, U), lockPrepared(data, U)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject(notPrepared);
    expect(podState(data, U)).toBe('running');
  });

  it('a loser that opened the pod before the winner renamed it gives up without waiting for the pod to end', async () => {
    const data = tempDataDir();
    const prepared = makePod(data, { dir: 'prepared', uuid: U });
    mkdirSync(stateDirPath(data, 'run'));
    holdLock(prepared); // the winner holds the lock ...
    const loser = lockPrepared(data, U).catch((e: unknown) => e); // ... the loser opened the dir and waits
    await new Promise((r) => setTimeout(r, 20));
    renameSync(prepared, podPath(data, 'run', U)); // the winner renames and keeps its lock (running)
    expect(await loser).toMatchObject(notPrepared);
    expect(podState(data, U)).toBe('running');
  });

  it('a waiter gets the pod when the holder lets go without moving it', async () => {
    const data = tempDataDir();
    const holder = holdLock(makePod(data, { dir: 'prepared', uuid: U }));
    const waiter = lockPrepared(data, U);
    setTimeout(() => holder.release(), 20);
    const pod = await waiter;
    expect(podState(data, U)).toBe('running');
    pod.release();
  });

  it('a waiter whose pod was moved while it waited (then unlocked) fails on the rename', async () => {
    const data = tempDataDir();
    const prepared = makePod(data, { dir: 'prepared', uuid: U });
    const holder = holdLock(prepared);
    mkdirSync(stateDirPath(data, 'garbage'));
    const waiter = lockPrepared(data, U).catch((e: unknown) => e);
    renameSync(prepared, podPath(data, 'garbage', U)); // gc expired it meanwhile
    holder.release();
    expect(await waiter).toMatchObject(notPrepared);
    expect(podState(data, U)).toBe('garbage');
  });
});
