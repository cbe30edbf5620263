import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashTree } from './index.js';
import { dir, file, hardlink, listing, render, symlink, Temp } from './test-helpers.js';

const temp = new Temp();
afterEach(() => temp.cleanup());

const mode = (p: string) => lstatSync(p).mode & 0o7777;

describe('layering images (top image first, first writer wins)', () => {
  it('keeps the upper file and the first metadata of a shared directory', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), dir('rootfs/etc', 0o750), file('rootfs/etc/hostname', 'upper')] },
      {
        entries: [
          dir('rootfs', 0o700),
          dir('rootfs/etc', 0o755),
          file('rootfs/etc/hostname', 'lower'),
          file('rootfs/etc/passwd', 'root:x:0:0'),
        ],
      },
    ]);
    expect(readFileSync(join(rootfs, 'etc/hostname'), 'utf8')).toBe('upper');
    expect(readFileSync(join(rootfs, 'etc/passwd'), 'utf8')).toBe('root:x:0:0');
    expect(mode(join(rootfs, 'etc'))).toBe(0o750);
    expect(mode(rootfs)).toBe(0o755);
  });

  it('never replaces a path with another type', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), file('rootfs/a', 'file'), dir('rootfs/d')] },
      { entries: [dir('rootfs'), dir('rootfs/a'), file('rootfs/a/x', 'x'), symlink('rootfs/d', '/')] },
    ]);
    expect(readFileSync(join(rootfs, 'a'), 'utf8')).toBe('file');
    expect(lstatSync(join(rootfs, 'd')).isDirectory()).toBe(true);
  });

  it('lets an upper symlink shadow a lower directory and everything under it', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      {
        entries: [dir('rootfs'), dir('rootfs/usr'), dir('rootfs/usr/lib'), symlink('rootfs/lib', 'usr/lib')],
      },
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/lib'),
          dir('rootfs/lib/x86'),
          file('rootfs/lib/libc.so', 'libc'),
          file('rootfs/lib/x86/ld.so', 'ld'),
        ],
      },
    ]);
    expect(readlinkSync(join(rootfs, 'lib'))).toBe('usr/lib');
    expect(listing(join(rootfs, 'usr/lib'))).toEqual([]);
    expect(listing(rootfs)).toEqual(['lib', 'usr', 'usr/lib']);
  });

  it('never writes through an upper symlink pointing outside the tree', async () => {
    const { rootfs, outside } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), symlink('rootfs/etc', outside), symlink('rootfs/up', '../outside')] },
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/etc'),
          file('rootfs/etc/passwd', 'owned'),
          file('rootfs/up/x', 'owned'),
          dir('rootfs/up/d'),
        ],
      },
    ]);
    expect(listing(outside)).toEqual([]);
    expect(listing(rootfs)).toEqual(['etc', 'up']);
  });

  it('adopts the metadata of a lower directory the upper image only implied', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), file('rootfs/opt/app/bin', 'bin')] },
      { entries: [dir('rootfs'), dir('rootfs/opt', 0o711)] },
    ]);
    expect(mode(join(rootfs, 'opt'))).toBe(0o711);
    expect(mode(join(rootfs, 'opt/app'))).toBe(0o755);
  });

  it('skips a lower hardlink whose target the upper image shadows', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      { entries: [dir('rootfs'), symlink('rootfs/bin', 'usr/bin'), file('rootfs/sh', 'upper sh')] },
      {
        entries: [
          dir('rootfs'),
          file('rootfs/sh', 'lower sh'),
          hardlink('rootfs/ash', 'rootfs/sh'),
          dir('rootfs/bin'),
          file('rootfs/bin/busybox', 'bb'),
          hardlink('rootfs/bb', 'rootfs/bin/busybox'),
          file('rootfs/own', 'own'),
          hardlink('rootfs/own2', 'rootfs/own'),
        ],
      },
    ]);
    expect(existsSync(join(rootfs, 'ash'))).toBe(false);
    expect(existsSync(join(rootfs, 'bb'))).toBe(false);
    expect(statSync(join(rootfs, 'own2')).ino).toBe(statSync(join(rootfs, 'own')).ino);
  });

  it('hashes the same from the writer and from disk, with several images and hardlinks', async () => {
    const { rootfs } = temp.make();
    const { hash } = await render(rootfs, [
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/etc', 0o750),
          file('rootfs/etc/os-release', 'top'),
          hardlink('rootfs/etc/os', 'rootfs/etc/os-release'),
          symlink('rootfs/lib', 'usr/lib'),
        ],
      },
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/usr'),
          dir('rootfs/usr/lib'),
          file('rootfs/usr/lib/libc.so', 'c', 0o755),
        ],
      },
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/etc'),
          file('rootfs/etc/os-release', 'base'),
          file('rootfs/etc/group', 'root:x:0:'),
          hardlink('rootfs/etc/grp', 'rootfs/etc/group'),
          dir('rootfs/lib'),
          file('rootfs/lib/ld.so', 'ld'),
        ],
      },
    ]);
    expect(hash).toMatch(/^sha512-[0-9a-f]{128}$/);
    expect(await hashTree(rootfs)).toBe(hash);
  });
});
