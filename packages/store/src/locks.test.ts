import { existsSync, fstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Layout } from './layout.js';
import { lockKey, tryLockPath, unlinkHeld } from './locks.js';
import { createTempFile, discard } from './temp.js';
import { removeTempDirs, tempDir } from './test-helpers.js';

afterEach(removeTempDirs);

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('lockKey', () => {
  it('shares shared locks and makes exclusive ones wait', async () => {
    const path = join(tempDir(), 'key');
    const a = await lockKey(path, 'shared');
    const b = await lockKey(path, 'shared');
    expect(await lockKey(path, 'exclusive', false)).toBeUndefined();
    let got = false;
    const waiting = lockKey(path, 'exclusive').then((l) => ((got = true), l));
    await tick();
    expect(got).toBe(false);
    a?.release();
    b?.release();
    (await waiting)?.release();
    expect(got).toBe(true);
  });

  it('starts over on a fresh file when the one it waited on was unlinked', async () => {
    const path = join(tempDir(), 'key');
    const cleaner = await lockKey(path, 'exclusive');
    const waiting = lockKey(path, 'exclusive');
    await tick();
    unlinkHeld(path, cleaner!);
    const held = await waiting;
    expect(existsSync(path)).toBe(true);
    expect(fstatSync(held!.fd).ino).toBe(statSync(path).ino);
    held?.release();
  });
});

describe('temp files', () => {
  it('are locked by their creator until discarded', () => {
    const layout = new Layout(tempDir());
    layout.create();
    const temp = createTempFile(layout);
    expect(statSync(temp.path).mode & 0o777).toBe(0o660);
    expect(tryLockPath(temp.path)).toBeUndefined();
    discard(temp);
    expect(existsSync(temp.path)).toBe(false);
    discard(temp);
  });
});
