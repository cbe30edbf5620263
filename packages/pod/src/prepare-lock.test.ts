import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareLockPath, withPrepareLock } from './prepare-lock.js';
import { cleanup, tempDataDir } from './testing.js';

afterEach(cleanup);

/** util-linux flock(1) in another process: true when it could take the lock at once. */
function otherCanLock(path: string, mode: '-s' | '-x'): boolean {
  return spawnSync('flock', ['-n', mode, path, 'true']).status === 0;
}

describe('withPrepareLock', () => {
  it('holds locks/prepareLock shared while fn runs, then lets go', async () => {
    const data = tempDataDir();
    const path = prepareLockPath(data);
    const result = await withPrepareLock(data, 'shared', () => {
      expect(otherCanLock(path, '-s')).toBe(true);
      expect(otherCanLock(path, '-x')).toBe(false);
      return 42;
    });
    expect(result).toBe(42);
    expect(otherCanLock(path, '-x')).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o660 & ~process.umask());
    expect(statSync(`${data}/locks`).mode & 0o7777).toBe(0o2750);
  });

  it('exclusive waits for shared holders; shared holders run together', async () => {
    const data = tempDataDir();
    const order: string[] = [];
    let releaseShared!: () => void;
    const sharedDone = new Promise<void>((r) => (releaseShared = r));
    const a = withPrepareLock(data, 'shared', async () => {
      order.push('a');
      await sharedDone;
      order.push('a done');
    });
    const b = withPrepareLock(data, 'shared', () => void order.push('b'));
    const x = withPrepareLock(data, 'exclusive', () => void order.push('x'));
    await b;
    await new Promise((r) => setTimeout(r, 30));
    expect(order).toEqual(['a', 'b']);
    releaseShared();
    await Promise.all([a, x]);
    expect(order).toEqual(['a', 'b', 'a done', 'x']);
  });

  it('releases the lock when fn throws', async () => {
    const data = tempDataDir();
    await expect(
      withPrepareLock(data, 'exclusive', () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(otherCanLock(prepareLockPath(data), '-x')).toBe(true);
  });
});
