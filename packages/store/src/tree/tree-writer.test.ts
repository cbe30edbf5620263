import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TreeWriter } from './index.js';
import { dir, entry, file, hardlink, isRoot, MTIME, render, symlink, Temp } from './test-helpers.js';

const temp = new Temp();
afterEach(() => temp.cleanup());

const mode = (p: string) => lstatSync(p).mode & 0o7777;

describe('TreeWriter', () => {
  it('writes files, directories and symlinks with their modes, setuid bits and mtimes', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      {
        entries: [
          dir('rootfs', 0o755),
          dir('rootfs/bin', 0o751),
          file('rootfs/bin/su', '#!su', 0o4755),
          file('rootfs/bin/wall', 'wall', 0o2711),
          dir('rootfs/tmp', 0o1777),
          symlink('rootfs/sbin', 'bin'),
          symlink('rootfs/etc-abs', '/etc'),
        ],
      },
    ]);
    expect(readFileSync(join(rootfs, 'bin/su'), 'utf8')).toBe('#!su');
    expect(mode(join(rootfs, 'bin/su'))).toBe(0o4755);
    expect(mode(join(rootfs, 'bin/wall'))).toBe(0o2711);
    expect(mode(join(rootfs, 'bin'))).toBe(0o751);
    expect(mode(join(rootfs, 'tmp'))).toBe(0o1777);
    expect(mode(rootfs)).toBe(0o755);
    expect(readlinkSync(join(rootfs, 'sbin'))).toBe('bin');
    expect(readlinkSync(join(rootfs, 'etc-abs'))).toBe('/etc');
    for (const p of ['bin/su', 'bin', 'tmp', 'sbin', '']) {
      expect(lstatSync(join(rootfs, p)).mtime.getTime()).toBe(MTIME.getTime());
    }
  });

  it('sets owners only when asked to (root), keeping setuid after the chown', async () => {
    const { rootfs } = temp.make();
    const root = isRoot();
    await render(
      rootfs,
      [
        {
          entries: [
            dir('rootfs'),
            { ...dir('rootfs/home', 0o750), uid: 1234, gid: 4321 },
            { ...file('rootfs/home/x', 'x', 0o6755), uid: 1234, gid: 4321 },
            { ...symlink('rootfs/home/l', 'x'), uid: 1234, gid: 4321 },
          ],
        },
      ],
      root,
    );
    for (const p of ['home', 'home/x', 'home/l']) {
      const st = lstatSync(join(rootfs, p));
      expect([st.uid, st.gid]).toEqual(root ? [1234, 4321] : [process.geteuid?.(), st.gid]);
    }
    expect(mode(join(rootfs, 'home/x'))).toBe(0o6755);
  });

  it('links hardlinks to their target inode and counts their bytes once', async () => {
    const { rootfs } = temp.make();
    const { size } = await render(rootfs, [
      { entries: [dir('rootfs'), file('rootfs/a', 'hello', 0o755), hardlink('rootfs/b', 'rootfs/a')] },
    ]);
    const a = statSync(join(rootfs, 'a'));
    const b = statSync(join(rootfs, 'b'));
    expect(b.ino).toBe(a.ino);
    expect(a.nlink).toBe(2);
    expect(size).toBe(5);
  });

  it('creates fifos, and device nodes only as root (a warning otherwise)', async () => {
    const { rootfs } = temp.make();
    const { writer } = await render(rootfs, [
      {
        entries: [
          dir('rootfs'),
          { path: 'rootfs/fifo', type: 'fifo', mode: 0o620 },
          { path: 'rootfs/null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 },
        ],
      },
    ]);
    expect(lstatSync(join(rootfs, 'fifo')).isFIFO()).toBe(true);
    expect(mode(join(rootfs, 'fifo'))).toBe(0o620);
    if (isRoot()) {
      const st = lstatSync(join(rootfs, 'null'));
      expect(st.isCharacterDevice()).toBe(true);
      expect(st.rdev).toBe(statSync('/dev/null').rdev);
      expect(mode(join(rootfs, 'null'))).toBe(0o666);
      expect(writer.warnings).toEqual([]);
    } else {
      expect(() => lstatSync(join(rootfs, 'null'))).toThrow(/ENOENT/);
      expect(writer.warnings).toEqual([expect.stringContaining('rootfs/null')]);
    }
  });

  it('writes children of a read-only directory, then makes it read-only', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [
      {
        entries: [
          dir('rootfs'),
          dir('rootfs/ro', 0o555),
          dir('rootfs/ro/sub', 0o500),
          file('rootfs/ro/sub/f', 'data', 0o444),
        ],
      },
    ]);
    expect(readFileSync(join(rootfs, 'ro/sub/f'), 'utf8')).toBe('data');
    expect(mode(join(rootfs, 'ro'))).toBe(0o555);
    expect(mode(join(rootfs, 'ro/sub'))).toBe(0o500);
    expect(mode(join(rootfs, 'ro/sub/f'))).toBe(0o444);
  });

  it('creates parents missing from the archive as 0755 directories', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [{ entries: [dir('rootfs'), file('rootfs/a/b/c', 'c')] }]);
    expect(mode(join(rootfs, 'a'))).toBe(0o755);
    expect(mode(join(rootfs, 'a/b'))).toBe(0o755);
    expect(readFileSync(join(rootfs, 'a/b/c'), 'utf8')).toBe('c');
  });

  it('lets a later entry name a directory created for an earlier child', async () => {
    const { rootfs } = temp.make();
    await render(rootfs, [{ entries: [dir('rootfs'), file('rootfs/a/f', 'f'), dir('rootfs/a', 0o700)] }]);
    expect(mode(join(rootfs, 'a'))).toBe(0o700);
  });

  it('streams big files in several chunks', async () => {
    const { rootfs } = temp.make();
    const chunk = Buffer.alloc(1 << 20, 7);
    const chunks = Array.from({ length: 9 }, () => chunk);
    const writer = new TreeWriter(rootfs, { chown: false });
    writer.beginImage();
    await writer.write(entry(dir('rootfs')), Readable.from([]));
    await writer.write(entry({ path: 'rootfs/big', size: 9 << 20 }), Readable.from(chunks));
    const { size } = await writer.finish();
    expect(size).toBe(9 << 20);
    expect(readFileSync(join(rootfs, 'big')).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('consumes the body of every entry, skipped ones too', async () => {
    const { rootfs } = temp.make();
    const writer = new TreeWriter(rootfs, { chown: false });
    const bodies: Readable[] = [];
    const body = (s: string) => {
      const r = Readable.from([Buffer.from(s)]);
      bodies.push(r);
      return r;
    };
    writer.beginImage();
    await writer.write(entry(dir('rootfs')), body(''));
    await writer.write(entry(file('rootfs/a', 'upper')), body('upper'));
    writer.beginImage({ own: ['/b'] });
    await writer.write(entry(file('rootfs/a', 'lower')), body('lower'));
    await writer.write(entry(file('rootfs/c', 'dropped')), body('dropped'));
    await writer.finish();
    expect(bodies.map((b) => b.readableEnded)).toEqual([true, true, true, true]);
  });

  it('refuses calls out of order', async () => {
    const { rootfs } = temp.make();
    const writer = new TreeWriter(rootfs, { chown: false });
    await expect(writer.write(entry(dir('rootfs')), Readable.from([]))).rejects.toThrow(/beginImage/);
    writer.beginImage();
    await writer.finish();
    await expect(writer.finish()).rejects.toThrow(/twice/);
  });
});
