import { chmodSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree } from './index.js';
import { splitDev } from './records.js';
import { dir, file, hardlink, isRoot, render, symlink, Temp, type Spec } from './test-helpers.js';

const temp = new Temp();
afterEach(() => temp.cleanup());

const everything: Spec[] = [
  dir('rootfs'),
  dir('rootfs/bin', 0o711),
  file('rootfs/bin/su', 'su', 0o4755),
  hardlink('rootfs/bin/sudo', 'rootfs/bin/su'),
  symlink('rootfs/sh', '/bin/busybox'),
  dir('rootfs/ro', 0o555),
  file('rootfs/ro/empty', ''),
  file('rootfs/a/b/implied', 'parents missing from the archive'),
  { path: 'rootfs/fifo', type: 'fifo', mode: 0o600 },
  { path: 'rootfs/tty', type: 'character-device', mode: 0o620, devmajor: 5, devminor: 0 },
  { path: 'rootfs/sda', type: 'block-device', mode: 0o660, devmajor: 8, devminor: 300 },
  { ...file('rootfs/owned', 'o', 0o640), uid: 1000, gid: 1000 },
];

describe('tree hash', () => {
  it('is the same from the writer and from disk, with and without chown', async () => {
    for (const chown of isRoot() ? [true, false] : [false]) {
      const { rootfs } = temp.make();
      const { hash } = await render(rootfs, [{ entries: everything }], chown);
      expect(hash).toMatch(/^sha512-[0-9a-f]{128}$/);
      expect(await hashTree(rootfs)).toBe(hash);
    }
  });

  it('does not depend on the order entries were written in', async () => {
    const a = temp.make();
    const b = temp.make();
    const reordered = [everything[0]!, ...everything.slice(1).reverse()].filter((s) => s.type !== 'link');
    const { hash: ha } = await render(a.rootfs, [{ entries: everything.filter((s) => s.type !== 'link') }]);
    const { hash: hb } = await render(b.rootfs, [{ entries: reordered }]);
    expect(hb).toBe(ha);
  });

  it('changes with content or mode, not with mtime', async () => {
    const { rootfs } = temp.make();
    const { hash } = await render(rootfs, [{ entries: [dir('rootfs'), file('rootfs/f', 'abc', 0o644)] }]);
    const f = join(rootfs, 'f');
    utimesSync(f, new Date(0), new Date(0));
    expect(await hashTree(rootfs)).toBe(hash);
    writeFileSync(f, 'abd');
    const contentChanged = await hashTree(rootfs);
    expect(contentChanged).not.toBe(hash);
    writeFileSync(f, 'abc');
    expect(await hashTree(rootfs)).toBe(hash);
    chmodSync(f, 0o4644);
    expect(await hashTree(rootfs)).not.toBe(hash);
  });

  it('distinguishes a symlink target and a file of the same name', async () => {
    const a = temp.make();
    const b = temp.make();
    const { hash: ha } = await render(a.rootfs, [{ entries: [dir('rootfs'), symlink('rootfs/x', 'y')] }]);
    const { hash: hb } = await render(b.rootfs, [{ entries: [dir('rootfs'), symlink('rootfs/x', 'z')] }]);
    expect(ha).not.toBe(hb);
  });

  it('splits Linux device numbers as glibc does', () => {
    expect(splitDev(0x0103)).toEqual([1, 3]);
    expect(splitDev(8 * 256 + 0x2c + (0x1 << 20))).toEqual([8, 0x12c]);
  });
});
