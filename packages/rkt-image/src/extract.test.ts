import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeImageManifest } from '@rkt/appc';
import { fixtureAci, MANIFEST, MTIME } from './aci-fixture.js';
import { extractImage } from './extract.js';
import { FakeStore } from './fake-store.js';

let fixture: Awaited<ReturnType<typeof fixtureAci>>;
const dirs: string[] = [];
beforeAll(async () => {
  fixture = await fixtureAci();
});
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'rkt-image-extract-'));
  dirs.push(dir);
  const store = new FakeStore([fixture.record]);
  store.blobs[fixture.record.key] = { data: fixture.gz, compression: 'gzip' };
  return { dir, store };
}

const mode = async (p: string) => (await lstat(p)).mode & 0o7777;

async function expectRootfs(root: string) {
  expect((await readdir(root)).sort()).toEqual(['bin', 'etc', 'ro']);
  expect(await readFile(join(root, 'etc/hello'), 'utf8')).toBe('hello\n');
  expect(await mode(join(root, 'etc/hello'))).toBe(0o640);
  expect((await lstat(join(root, 'etc/hello-link'))).ino).toBe((await lstat(join(root, 'etc/hello'))).ino);
  expect(await readlink(join(root, 'bin/sh'))).toBe('busybox');
  expect(await mode(join(root, 'ro'))).toBe(0o555);
  expect((await lstat(join(root, 'ro'))).mtime).toEqual(MTIME);
  expect(await readFile(join(root, 'ro/f'), 'utf8')).toBe('read only\n');
}

describe('extractImage', () => {
  it('writes manifest + rootfs/ into a new directory', async () => {
    const { dir, store } = await setup();
    const out = join(dir, 'out');
    expect(
      await extractImage(store, fixture.record.key, out, { rootfsOnly: false, overwrite: false }),
    ).toEqual({
      key: fixture.record.key,
      path: out,
    });
    expect((await readdir(out)).sort()).toEqual(['manifest', 'rootfs']);
    expect(await readFile(join(out, 'manifest'), 'utf8')).toBe(encodeImageManifest(MANIFEST));
    await expectRootfs(join(out, 'rootfs'));
  });

  it('with --rootfs-only writes the rootfs as the directory, into an existing empty one', async () => {
    const { dir, store } = await setup();
    const out = join(dir, 'out');
    await mkdir(out);
    await extractImage(store, fixture.record.key, out, { rootfsOnly: true, overwrite: false });
    await expectRootfs(out);
  });

  it('refuses a non-empty directory unless --overwrite, which replaces it', async () => {
    const { dir, store } = await setup();
    await writeFile(join(dir, 'stale'), 'x');
    await expect(
      extractImage(store, fixture.record.key, dir, { rootfsOnly: false, overwrite: false }),
    ).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
      message: 'output directory exists (try --overwrite)',
    });
    await extractImage(store, fixture.record.key, dir, { rootfsOnly: false, overwrite: true });
    expect((await readdir(dir)).sort()).toEqual(['manifest', 'rootfs']);
  });

  it('refuses /', async () => {
    const { store } = await setup();
    await expect(
      extractImage(store, fixture.record.key, '/', { rootfsOnly: false, overwrite: true }),
    ).rejects.toMatchObject({
      code: 'OUTPUT_IS_ROOT',
      message: 'this would delete your root filesystem. Refusing.',
    });
    await expect(
      extractImage(store, fixture.record.key, '/tmp/..', { rootfsOnly: true, overwrite: true }),
    ).rejects.toMatchObject({
      code: 'OUTPUT_IS_ROOT',
    });
  });

  it('removes what it wrote when the archive is broken', async () => {
    const { dir, store } = await setup();
    store.blobs[fixture.record.key] = {
      data: fixture.gz.subarray(0, fixture.gz.length - 40),
      compression: 'gzip',
    };
    const out = join(dir, 'out');
    await expect(
      extractImage(store, fixture.record.key, out, { rootfsOnly: false, overwrite: false }),
    ).rejects.toMatchObject({
      exitCode: 254,
      message: expect.stringMatching(/^error extracting ACI: /) as unknown,
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
