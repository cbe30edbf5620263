import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AciEntry } from '@rkt/appc';
import { DirWriter } from './dir-writer.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function temp() {
  const dir = await mkdtemp(join(tmpdir(), 'rkt-image-writer-'));
  dirs.push(dir);
  return dir;
}

function entry(path: string, type: AciEntry['type'], extra: Partial<AciEntry> = {}): AciEntry {
  return {
    path,
    type,
    mode: 0o755,
    uid: 0,
    gid: 0,
    mtime: new Date(0),
    size: 0,
    devmajor: 0,
    devminor: 0,
    xattrs: {},
    ...extra,
  };
}
const body = (text = '') => Readable.from(text === '' ? [] : [Buffer.from(text)]);

describe('DirWriter', () => {
  it('never writes through a symlink the archive made', async () => {
    const base = await temp();
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    const w = new DirWriter(base, { chown: false, rootfsOnly: false });
    await w.write(entry('rootfs', 'directory'), body());
    await w.write(entry('rootfs/escape', 'symlink', { linkname: outside }), body());
    await expect(w.write(entry('rootfs/escape/pwned', 'file', { size: 1 }), body('x'))).rejects.toMatchObject(
      {
        code: 'ACI_UNSAFE',
        message: 'refusing to extract "rootfs/escape/pwned": "rootfs/escape" is not a directory',
      },
    );
    await expect(lstat(outside)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(root).toBeTruthy();
  });

  it('never replaces an existing path', async () => {
    const base = await temp();
    const w = new DirWriter(base, { chown: false, rootfsOnly: false });
    await w.write(entry('rootfs/a/b', 'file', { size: 1 }), body('x'));
    await expect(w.write(entry('rootfs/a', 'symlink', { linkname: '/' }), body())).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect((await lstat(join(base, 'rootfs/a'))).isDirectory()).toBe(true);
  });

  it('creates missing parents and skips the manifest in rootfs-only mode', async () => {
    const base = await temp();
    const w = new DirWriter(base, { chown: false, rootfsOnly: true });
    await w.write(entry('manifest', 'file', { size: 2 }), body('{}'));
    await w.write(entry('rootfs/deep/er/file', 'file', { mode: 0o600, size: 1 }), body('x'));
    await w.write(entry('rootfs/deep', 'directory', { mode: 0o700 }), body());
    await w.finish();
    expect(await readdir(base)).toEqual(['deep']);
    expect((await lstat(join(base, 'deep'))).mode & 0o777).toBe(0o700);
    expect((await lstat(join(base, 'deep/er/file'))).mode & 0o777).toBe(0o600);
  });
});
