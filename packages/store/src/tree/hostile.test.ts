import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dir, file, hardlink, listing, render, symlink, Temp, type Spec } from './test-helpers.js';

const temp = new Temp();
afterEach(() => temp.cleanup());

async function rejects(entries: Spec[], message: RegExp): Promise<ReturnType<Temp['make']>> {
  const made = temp.make();
  await expect(render(made.rootfs, [{ entries }])).rejects.toMatchObject({
    code: 'ACI_INVALID',
    message: expect.stringMatching(message),
  });
  return made;
}

describe('hostile archives', () => {
  it('rejects a write through its own symlink to outside the tree, creating nothing there', async () => {
    const { top, outside } = temp.make();
    const entries = [dir('rootfs'), symlink('rootfs/x', outside), file('rootfs/x/passwd', 'owned')];
    await expect(render(join(top, 'rootfs'), [{ entries }])).rejects.toMatchObject({
      code: 'ACI_INVALID',
      message: expect.stringMatching(/"rootfs\/x\/passwd" would be written through the symlink "rootfs\/x"/),
    });
    expect(listing(outside)).toEqual([]);
  });

  it('rejects a relative escape and a directory created through a symlink', async () => {
    const { outside } = await rejects(
      [dir('rootfs'), symlink('rootfs/x', '../outside'), dir('rootfs/x/sub')],
      /"rootfs\/x\/sub" would be written through the symlink "rootfs\/x"/,
    );
    expect(listing(outside)).toEqual([]);
  });

  it('rejects a write through its own symlink even when it points inside', async () => {
    const { rootfs } = await rejects(
      [dir('rootfs'), dir('rootfs/etc'), symlink('rootfs/x', 'etc'), file('rootfs/x/a/passwd', 'p')],
      /"rootfs\/x\/a\/passwd" would be written through the symlink "rootfs\/x"/,
    );
    expect(listing(join(rootfs, 'etc'))).toEqual([]);
  });

  it('rejects a write under its own regular file', async () => {
    await rejects(
      [dir('rootfs'), file('rootfs/f', 'f'), file('rootfs/f/g', 'g')],
      /through the file "rootfs\/f"/,
    );
  });

  it('rejects a symlink over a path earlier members were placed under', async () => {
    await rejects(
      [dir('rootfs'), file('rootfs/a/b', 'b'), symlink('rootfs/a', '/etc')],
      /symlink "rootfs\/a" replaces a directory/,
    );
    await rejects(
      [dir('rootfs'), symlink('rootfs/a', '/etc'), dir('rootfs/a')],
      /duplicate entry "rootfs\/a"/,
    );
  });

  it('rejects hardlinks to missing targets, symlinks, directories or through symlinks', async () => {
    const base = [dir('rootfs'), dir('rootfs/d'), symlink('rootfs/s', 'd'), file('rootfs/d/f', 'f')];
    await rejects([...base, hardlink('rootfs/h', 'rootfs/nope')], /"rootfs\/nope", which is missing/);
    await rejects([...base, hardlink('rootfs/h', 'rootfs/s')], /"rootfs\/s", which is a symlink/);
    await rejects([...base, hardlink('rootfs/h', 'rootfs/d')], /"rootfs\/d", which is a directory/);
    await rejects([...base, hardlink('rootfs/h', 'rootfs/s/f')], /through the symlink "rootfs\/s"/);
    await rejects([...base, hardlink('rootfs/h', 'rootfs/../x')], /points outside rootfs/);
  });

  it('rejects unclean or non-rootfs names before touching the disk', async () => {
    for (const path of ['rootfs/../x', 'rootfs/a/./b', 'rootfs//a', 'rootfs/', 'manifest', '/rootfs/a']) {
      const { top, rootfs } = await rejects([dir('rootfs'), file(path, 'x')], /not a clean path/);
      expect(listing(rootfs)).toEqual([]);
      expect(existsSync(join(top, 'x'))).toBe(false);
    }
  });

  it('rejects a rootfs that is not a directory', async () => {
    await rejects([symlink('rootfs', '/')], /"rootfs" is a symlink, not a directory/);
  });
});
